"""JSON values against the spec's schemas: reading schemas (`schema`), validating and
synthesizing instances (`synth`), and the shapes of error bodies (`envelope`).

A leaf package: the renderers (server stubs), the mock and the diff's `--prove` all use it, and
it imports none of them, so no stage depends on another through it.
"""
