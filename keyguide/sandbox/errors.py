"""The API's error envelope: every error the sandbox sends goes through here."""

from __future__ import annotations

from starlette.responses import JSONResponse

from keyguide import facts


class APIError(Exception):
    """Raised anywhere in a route; the app turns it into the error envelope."""

    def __init__(
        self,
        status: int,
        message: str,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"message": message, "type": type, "param": param, "code": code}}
        self.headers = headers or {}

    @classmethod
    def from_catalogue(cls, error_id: str, message: str | None = None, **kw) -> APIError:
        """An error exactly as the facts' error table describes it."""
        e = facts.errors().by_id(error_id)
        kw.setdefault("type", e.type)
        return cls(e.status, message or e.message, code=e.code, **kw)

    @classmethod
    def from_template(cls, error_id: str, template: str, values: dict, **kw) -> APIError:
        """The error with the API's own message, filled in from the error facts' template."""
        message = facts.errors().by_id(error_id).templates[template].format(**values)
        return cls.from_catalogue(error_id, message, **kw)

    def response(self) -> JSONResponse:
        return JSONResponse(self.body, status_code=self.status, headers=self.headers)
