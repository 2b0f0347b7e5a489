"""The SSDA903 tables: each file's DfE columns and the return model that fills it, or why none does."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReturnTable:
    """One file of a return: its DfE name, file name and columns (in the DfE's order, upper case)."""

    name: str
    file_name: str
    columns: tuple[str, ...]
    model: str | None = None  # returns.<model>, one row per council, year and return row
    not_filled: str | None = None  # why the warehouse cannot fill it (when model is None)
    date_columns: tuple[str, ...] = ()


SSDA903_TABLES: tuple[ReturnTable, ...] = (
    ReturnTable(
        "Header",
        "header.csv",
        ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
        model="ssda903_header",
        date_columns=("DOB", "MC_DOB"),
    ),
    ReturnTable(
        "Episodes",
        "episodes.csv",
        (
            "CHILD",
            "DECOM",
            "RNE",
            "LS",
            "CIN",
            "PLACE",
            "PLACE_PROVIDER",
            "DEC",
            "REC",
            "REASON_PLACE_CHANGE",
            "HOME_POST",
            "PL_POST",
            "URN",
        ),
        model="ssda903_episodes",
        date_columns=("DECOM", "DEC"),
    ),
    ReturnTable(
        "Reviews",
        "reviews.csv",
        ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
        model="ssda903_reviews",
        date_columns=("DOB", "REVIEW"),
    ),
    ReturnTable("UASC", "uasc.csv", ("CHILD", "SEX", "DOB", "DUC"), model="ssda903_uasc", date_columns=("DOB", "DUC")),
    ReturnTable(
        "OC2",
        "oc2.csv",
        (
            "CHILD",
            "DOB",
            "SDQ_SCORE",
            "SDQ_REASON",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        ),
        model="ssda903_oc2",
        date_columns=("DOB",),
    ),
    ReturnTable(
        "OC3",
        "oc3.csv",
        ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
        not_filled="ssd_care_leavers holds each care leaver's current state only, not the state at each birthday",
    ),
    ReturnTable(
        "AD1",
        "ad1.csv",
        ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
        model="ssda903_ad1",
        date_columns=("DOB", "DATE_INT", "DATE_MATCH"),
    ),
    ReturnTable(
        "PlacedAdoption",
        "placed_for_adoption.csv",
        ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
        model="ssda903_placed_adoption",
        date_columns=("DOB", "DATE_PLACED", "DATE_PLACED_CEASED"),
    ),
    ReturnTable(
        "PrevPerm",
        "previous_permanence.csv",
        ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
        model="ssda903_prev_perm",
        date_columns=("DOB",),  # DATE_PERM is text in the 903's form (zz for an unknown day or month)
    ),
    ReturnTable(
        "Missing",
        "missing.csv",
        ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
        model="ssda903_missing",
        date_columns=("DOB", "MIS_START", "MIS_END"),
    ),
    ReturnTable(
        "SWEpisodes",
        "sw_episodes.csv",
        ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
        not_filled="social worker episodes (from 2023/24) are not built yet: the SSD holds no SW_REASON code",
    ),
)
