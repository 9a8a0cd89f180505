"""`specgen release`: versioned artefacts for the teams that consume the generated packages.

Pipeline per target: find the last release (a git tag `<name>-v<version>`, else the record in
`releases/<name>/`) → diff its spec with the current one (`generator.diff`) → check the version
against what the changes demand (`version`) → build wheels, sdists and the npm tarball into
`dist/<name>/` (`build`) → record the release: CHANGELOG entry, history, tag (`history`).
"""
