"""Who is named earlier in the document: the antecedent of "he said" and the full
name behind a bare surname ("Brenner said")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...model import Claim, Document
from .entities import person_name, speaker_kind

_MID_CAP = re.compile(r"(?<=[A-Za-z0-9,] )([A-Z][a-z][A-Za-z\-]{0,30})\b")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Two or more capitalized words, with the particles of names between them
# ("Mayor Bill de Blasio"); bounded repetition: linear on any text.
_NAME_RUN = re.compile(
    r"\b[A-Z][a-z]+(?:\s+(?:(?:de|van|von|da|del|di|la|le|bin|al)\s+)?[A-Z][a-z'\-]+){1,4}"
)


def _doc_names(doc: Document) -> frozenset[str]:
    """Capitalized words the document writes mid-sentence: names, not just sentence openers."""
    out: set[str] = set()
    for sent in doc.sentences:
        for m in _MID_CAP.finditer(sent.text):
            out.add(m.group(1))
    return frozenset(out)


@dataclass
class _People:
    """What earlier attributions in the document tell later ones: who was named."""

    doc: Document
    people: list[Claim] | None = None
    _names: frozenset[str] | None = None

    @property
    def names(self) -> frozenset[str]:
        """``_doc_names`` of the document, read on first use: most documents'
        sentences hold no speech word, and they need no names."""
        if self._names is None:
            self._names = _doc_names(self.doc)
        return self._names

    def _people(self) -> list[Claim]:
        if self.people is None:
            self.people = []
        return self.people

    def resolve(self, claim: Claim) -> Claim:
        att = claim.attribution
        assert att is not None
        if speaker_kind(att.speaker_surface) == "person":
            self._people().append(claim)
            return claim
        name = person_name(att.speaker_surface)
        if len(name) != 1:
            return claim
        for prev in reversed(self._people()):
            p = prev.attribution
            assert p is not None
            if person_name(p.speaker_surface)[-1:] == name:
                resolved = replace(claim, attribution=replace(
                    att, speaker=p.speaker, speaker_surface=p.speaker_surface,
                    speaker_start=p.speaker_start, speaker_end=p.speaker_end,
                ))
                # the latest mention of a person is the antecedent to look back to
                self._people().append(resolved)
                return resolved
        return claim

    def antecedent(self, pos: int) -> Claim | None:
        """The last named person before ``pos`` in the same paragraph."""
        people = self._people()
        if not people:
            return None
        prev = people[-1]
        if _PARAGRAPH_BREAK.search(self.doc.text, prev.end, pos):
            return None
        if self._other_person_between(prev, pos):
            return None  # "Mayor Ann Lee visited the scene. '...,' she said": whose?
        return prev

    def _other_person_between(self, prev: Claim, pos: int) -> bool:
        """Whether a person other than ``prev``'s speaker is named between its
        attribution and ``pos``: the pronoun may be theirs, so it is left unread."""
        att = prev.attribution
        assert att is not None
        mine = person_name(att.speaker_surface)[-1:]
        for m in _NAME_RUN.finditer(self.doc.text, prev.end, pos):
            run = m.group()
            if speaker_kind(run) != "person":
                continue
            name = person_name(run)
            if name and name[-1:] != mine:
                return True
        return False
