"""Run the Windows PowerShell lines the pages show, on Linux.

PowerShell is in none of the registries this project installs from (Debian, PyPI, npm), so
this reads the few statement forms the pages use and runs what they mean: environment
assignments, a variable read from one with a default, and `curl.exe` with its arguments.
Anything else is refused with the line, so a page can't show a Windows command these tests
don't run.
"""

from __future__ import annotations

import re
import subprocess

SET_ENV = re.compile(r'^\$env:(\w+) = "([^"$`]*)"$')
FROM_ENV = re.compile(r"^\$(\w+) = \$env:(\w+)$")
DEFAULT = re.compile(r'^if \(-not \$(\w+)\) \{ \$\1 = "([^"$`]*)" \}$')
# Double-quoted strings and bare words; quotes, escapes and comments are left over and refused.
ARGUMENT = re.compile(r'"([^"`]*)"|([^\s"\'`#]+)')
VARIABLE = re.compile(r"\$(env:)?(\w+)")


class Unsupported(ValueError):
    """A line this translator does not know how to run."""


def statements(script: str) -> list[str]:
    """The script's statements: a line ending in a backtick continues on the next one."""
    joined = re.sub(r" `\n\s*", " ", script)
    return [line.strip() for line in joined.splitlines() if line.strip()]


def run(script: str, env: dict[str, str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run the script's statements in order; the result is the last command's, with the
    output of every command."""
    env, names, stdout = dict(env), {}, ""
    result = subprocess.CompletedProcess[str]([], 0, "", "")
    for line in statements(script):
        if match := SET_ENV.match(line):
            env[match[1]] = match[2]
        elif match := FROM_ENV.match(line):
            names[match[1]] = env.get(match[2], "")
        elif (match := DEFAULT.match(line)) and match[1] in names:
            names[match[1]] = names[match[1]] or match[2]
        elif line.startswith("curl.exe "):
            argv = ["curl", *arguments(line.removeprefix("curl.exe "), env, names)]
            result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout)
            stdout += result.stdout
        elif line.split()[0] == "curl":
            raise Unsupported(f"{line!r}: in PowerShell `curl` is Invoke-WebRequest; use curl.exe")
        else:
            raise Unsupported(f"{line!r}: not a statement form tests/support/powershell.py runs")
    return subprocess.CompletedProcess(result.args, result.returncode, stdout, result.stderr)


def arguments(text: str, env: dict[str, str], names: dict[str, str]) -> list[str]:
    """Split as PowerShell passes arguments to a program: double-quoted strings and bare
    words, with $env:NAME and $name expanded in both (an unset $env: variable is empty)."""
    rest = ARGUMENT.sub("", text).strip()
    if rest:
        raise Unsupported(f"{text!r}: can't read {rest!r} (single quotes, escapes or a comment)")

    def value(match: re.Match[str]) -> str:
        if match[1]:
            return env.get(match[2], "")
        if match[2] not in names:
            raise Unsupported(f"{text!r}: ${match[2]} is not set by an earlier line")
        return names[match[2]]

    return [VARIABLE.sub(value, quoted or bare) for quoted, bare in ARGUMENT.findall(text)]
