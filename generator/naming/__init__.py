"""The one authority for names that reach Python code.

Wire names (what goes over HTTP) are kept verbatim elsewhere; this package only decides the
Python side: identifiers that are valid, not reserved, and unique within their scope. Its
modules, by concern: `casing` (identifiers from any spelling), `reserved` (the names generated
code keeps for itself), `operations` (method and resource names), `packages` (a target's
package name), `members` (the classes of inline union members). Callers use `naming.<name>`.
"""

from __future__ import annotations

from generator.naming.casing import (
    class_name,
    constant,
    distribution_name,
    field_name,
    is_identifier,
    module_name,
    pascal,
    snake,
    unique,
    words,
)
from generator.naming.members import member_suffixes
from generator.naming.operations import (
    PREPOSITIONS,
    action_name,
    crud_verb,
    is_machine_operation_id,
    is_plural,
    same_words,
    singular,
    strip_machine_suffix,
    tag_resource,
    without_dangling_preposition,
)
from generator.naming.packages import GENERIC_SPEC_NAMES, api_name, is_generic_spec_name
from generator.naming.reserved import (
    CLIENT_ATTRIBUTES,
    CLIENT_METHOD_RESERVED,
    CLIENT_RESERVED,
    CONSTRUCTOR_RESERVED,
    MODEL_CLASS_RESERVED,
    MODEL_FIELD_RESERVED,
    MODEL_RESERVED,
    RESOURCE_NAME_RESERVED,
    RESOURCE_RESERVED,
    SHADOWED_BUILTINS,
    TS_CLIENT_MEMBERS,
)

__all__ = [
    "CLIENT_ATTRIBUTES",
    "CLIENT_METHOD_RESERVED",
    "CLIENT_RESERVED",
    "CONSTRUCTOR_RESERVED",
    "GENERIC_SPEC_NAMES",
    "MODEL_CLASS_RESERVED",
    "MODEL_FIELD_RESERVED",
    "MODEL_RESERVED",
    "PREPOSITIONS",
    "RESOURCE_NAME_RESERVED",
    "RESOURCE_RESERVED",
    "SHADOWED_BUILTINS",
    "TS_CLIENT_MEMBERS",
    "action_name",
    "api_name",
    "class_name",
    "constant",
    "crud_verb",
    "distribution_name",
    "field_name",
    "is_generic_spec_name",
    "is_identifier",
    "is_machine_operation_id",
    "is_plural",
    "member_suffixes",
    "module_name",
    "pascal",
    "same_words",
    "singular",
    "snake",
    "strip_machine_suffix",
    "tag_resource",
    "unique",
    "without_dangling_preposition",
    "words",
]
