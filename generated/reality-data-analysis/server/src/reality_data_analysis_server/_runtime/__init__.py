# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The fixed code of every generated server package (errors, security checks).

Real, tested Python copied verbatim into `server/src/<package>_server/_runtime/`, as the client
runtime is; the server templates only write the spec's data (error shapes, schemes) and bind
these functions to it.
"""
