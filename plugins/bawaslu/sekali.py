"""Jinja global ``sekali(macro, *args)``: a macro's markup made once per build.

A listed item appears on several list pages (its section, its topics, its
kabupaten/kota and province, the home page), with the same markup each time:
``daftar_item`` renders each entry through ``sekali(entri_item, item, level)``,
so a 10,000-item build renders about 10,000 entries instead of about 50,000.

Only for a macro whose output depends on nothing but its arguments and the
build's settings (``SITEURL``, part of the key): not on the page it is shown on.
"""

from __future__ import annotations

from jinja2 import pass_context

# Where the made markup is kept: an attribute of the build's Jinja environment (Pelican
# makes them anew for each build). Each generator has its own environment;
# ``berbagi`` gives those of one build one memo, so an item listed on the region
# pages and on the topic pages is made once.
_MEMO = "_buletin_sekali"


def berbagi(env, build_context: dict) -> None:
    """Let ``env`` keep its markup in the memo of the build whose (Pelican) context is
    ``build_context``: one dict per build, shared by all its generators."""
    setattr(env, _MEMO, build_context.setdefault(_MEMO, {}))


def _kunci(value):
    # Strings and numbers by value; objects (items) by identity, kept alive by the memo.
    return value if value is None or type(value) in (str, int, bool) else ("id", id(value))


@pass_context
def sekali(context, macro, *args):
    """``macro(*args)``, called once per build for the same macro and arguments."""
    memo = getattr(context.environment, _MEMO, None)
    if memo is None:  # no berbagi (buletin_cepat not loaded): this environment's own
        memo = {}
        setattr(context.environment, _MEMO, memo)
    key = (macro.name, context.get("SITEURL", ""), *map(_kunci, args))
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = (args, macro(*args))  # args kept: their ids stay theirs
    return hit[1]
