"""Styrbord's own schemathesis checks, loaded by Tests/api/run_schemathesis.sh."""

import schemathesis

try:
    # Coverage-phase probes of the request's shape (a body of `0` where an object belongs) count
    # as "positive" in their metadata; the built-in positive_data_acceptance skips them this way.
    from schemathesis.specs.openapi.checks import is_unexpected_http_status_case
except ImportError:  # moved in a later schemathesis: then only the metadata decides
    def is_unexpected_http_status_case(case):
        return False


# Refusals that depend on the state of what the request acts on, not on the request's shape: a
# decision on a proposal whose mandatory steps or nyttokalkyl are missing (D4, L2, E4/E5, T6, F4), or
# approving the minutes of a meeting that has not begun (the demo has one planned).
STATE_REFUSALS = {"validation.failed", "proposal.not-decidable", "meeting.not-held"}


@schemathesis.check
def positive_data_is_decodable(ctx, response, case):
    """Input the document allows is never refused as unreadable.

    schemathesis.toml lets schema-valid input end in 422, because some rules (references that
    must exist, unique names) are beyond JSON Schema. Those refusals are `validation.failed`. A
    `request.invalid` (or `http.422`) for schema-valid input means the decoder and the document
    disagree about the shape of a request: that is a contract bug, and this check fails on it.
    """
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or is_unexpected_http_status_case(case):
        return None
    if any(component.mode.is_negative for component in meta.components.values()):
        return None
    # The import and a profile upload answer 422 with their own report of the file's problems
    # (`import.*`, `profile.invalid` with line and column): a string the document allows can
    # still be a file with mistakes in it.
    if response.status_code != 422 or case.operation.definition.raw.get("operationId") in (
        "importSystems",
        "createProfileVersion",
    ):
        return None
    try:
        body = response.json()
    except ValueError:
        raise AssertionError("A 422 without a JSON error body")
    code = body.get("code") if isinstance(body, dict) else None
    if code not in STATE_REFUSALS:
        raise AssertionError(
            f"Schema-valid input was refused as {code!r}, not as validation.failed: "
            f"{body.get('message') if isinstance(body, dict) else body}"
        )
    return None
