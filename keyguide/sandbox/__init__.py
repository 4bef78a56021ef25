"""A local HTTP server that behaves like the OpenAI API for everything the guide teaches."""
