"""`specgen verify`: a running server tested against its spec, every drift located.

Stages: `plan` (valid requests: the spec's examples, else the one synthesizer), `runner`
(requests within the run's bounds; single operations, refused requests from the witness
engine, credentials), `stateful` (create → read → list → update → delete, the job
lifecycle), `checks` (a response judged against the spec), `locate` (`file:line:col` of what
was violated) and `formats` (text, JSON, JUnit, Markdown).
"""
