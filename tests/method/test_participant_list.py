"""A pasted or CSV list of participants (issue 25): read whole, or every unreadable line named."""

from __future__ import annotations

from compass.method.participant_list import ListedParticipant, read_participant_list


def test_a_spreadsheet_copy_with_a_dutch_header_is_read_by_its_columns() -> None:
    pasted = "Naam\tIntern\tOrganisatie\nAnna de Wit\tja\tGemeente Maastricht\nBram Smeets\tnee\tBuurtraad Wyck\n"
    people, problems = read_participant_list(pasted)
    assert problems == []
    assert people == [
        ListedParticipant("Anna de Wit", "Gemeente Maastricht", "", True),
        ListedParticipant("Bram Smeets", "Buurtraad Wyck", "", False),
    ]


def test_a_dutch_csv_without_a_header_follows_name_organisation_role_internal() -> None:
    people, problems = read_participant_list('Cor;"Smeets & Zn; bouw";Leverancier;extern\r\nDirk;;;\r\n')
    assert problems == []
    assert people == [
        ListedParticipant("Cor", "Smeets & Zn; bouw", "Leverancier", False),
        ListedParticipant("Dirk", "", "", False),
    ]


def test_a_list_of_names_is_a_list_of_people() -> None:
    people, _ = read_participant_list("Anna\n\n  Bram  \n")
    assert [p.name for p in people] == ["Anna", "Bram"]


def test_unreadable_lines_are_named_by_number() -> None:
    people, problems = read_participant_list("Anna,Gemeente,,misschien\n,Buurtraad\nBram\n")
    assert [p.name for p in people] == ["Bram"]
    assert [(p.code, dict(p.params)["line"]) for p in problems] == [("list_internal", 1), ("list_name", 2)]
    assert "misschien" in problems[0].message_in("en")


def test_an_empty_paste_says_so() -> None:
    people, problems = read_participant_list(" \n\n")
    assert people == [] and [p.code for p in problems] == ["list_empty"]
