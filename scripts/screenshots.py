"""Offscreen screenshots of the start screen and every wizard step, for the README and for review.

    python scripts/screenshots.py [--lang nl|en] [--font-scale 1.0] [--out docs/screenshots]

Uses a throw-away database with the example sessions; the wizard shows large asphalt maintenance.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fill_example(service) -> int:
    from compass.core.session import (
        AmbitionLevel,
        Channel,
        Collection,
        CommunicationMoment,
        EntryKind,
        EntrySource,
        IndicatorKind,
        MeasurementMoment,
        Procedure,
    )

    session = service.create_session(
        "Groot onderhoud asfalt 2027",
        procedure=Procedure.PUBLIC_EUROPEAN,
        organisation="Gemeente Heerlen",
        category="cat-asphalt-maintenance",
        contract_value_eur=Decimal("2400000"),
        publication_date=dt.date(2027, 3, 1),
        project_leader="Anna de Vries",
        procurement_adviser="Joris Bemelmans",
        budget_holder="Wethouder Openbare Ruimte",
        location="Heerlen-Noord",
        materials="Asfalt (AC 16 surf), bitumen, granulaat, markering",
        scope="Groot onderhoud van 14 km wegdek inclusief markering en bermen.",
    )
    sid = session.id
    entries = [
        (13, EntryKind.RISK, EntrySource.MATERIALS, "CO\u2082-uitstoot bij productie van asfalt"),
        (13, EntryKind.OPPORTUNITY, EntrySource.LOCATION, "Emissieloos materieel op de bouwplaats"),
        (12, EntryKind.OPPORTUNITY, EntrySource.MATERIALS, "Hergebruik van vrijkomend asfalt (R3)"),
        (11, EntryKind.RISK, EntrySource.LOCAL_ENVIRONMENT, "Geluid en NOx voor omwonenden"),
        (
            8,
            EntryKind.OPPORTUNITY,
            EntrySource.SUPPLY_CHAIN_LOCAL,
            "Social Return: 5 % van de opdrachtwaarde",
        ),
    ]
    for sdg, kind, source, text in entries:
        service.add_item(sid, Collection.INVENTORY, sdg=sdg, kind=kind, source=source, description=text)
    for sdg, urgency in ((13, 5), (12, 4), (11, 3)):
        service.set_priority(sid, sdg, selected=True, urgency=urgency)
    service.set_ambition(sid, 13, AmbitionLevel.SIGNIFICANT)
    service.set_ambition(sid, 12, AmbitionLevel.SIGNIFICANT)
    service.set_ambition(sid, 11, AmbitionLevel.BASIC)
    service.add_item(
        sid,
        Collection.INDICATORS,
        sdg=13,
        kind=IndicatorKind.QUANTITATIVE,
        name="CO\u2082 vermeden",
        unit="kg CO\u2082",
        baseline=Decimal(0),
        target=Decimal(120000),
        measurement_moment=MeasurementMoment.AT_COMPLETION,
    )
    service.add_item(
        sid,
        Collection.INDICATORS,
        sdg=12,
        kind=IndicatorKind.QUANTITATIVE,
        name="Primaire grondstoffen vermeden",
        unit="kg",
        baseline=Decimal(0),
        target=Decimal(800000),
    )
    service.add_item(
        sid,
        Collection.COMMUNICATION,
        stakeholder_role="Omwonenden",
        channel=Channel.SITE_VISIT,
        moment=CommunicationMoment.COMPLETION,
        message="Open dag op de nieuwe weg",
    )
    service.create_session(
        "Bedrijfskleding buitendienst", procedure=Procedure.MULTIPLE_QUOTES, organisation="Gemeente Heerlen"
    )
    service.create_session("Binnensportaccommodatie De Kissel", organisation="Gemeente Heerlen")
    return sid


def import_examples(services) -> int:
    """The shipped example sessions, as a user opens them; returns the asphalt session's id."""
    from compass.formats.files import read_file
    from compass.formats.session_file import read_session_file
    from compass.reference.examples import list_examples

    reference = services.reference
    ids = {}
    for example in list_examples():
        imported = read_session_file(read_file(example.path), reference)
        ids[example.path.stem] = services.sessions.import_session(imported).id
    return next(session_id for stem, session_id in ids.items() if "asfalt" in stem)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en", choices=("nl", "en"))
    parser.add_argument("--font-scale", type=float, default=1.0)
    parser.add_argument("--out", default="shots")
    parser.add_argument("--size", default="1100x760")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))

    with tempfile.TemporaryDirectory() as home:
        for variable, folder in (
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
        ):
            os.environ[variable] = f"{home}/{folder}"
        from PySide6.QtWidgets import QApplication

        from compass.app import AppServices, create_application, open_settings
        from compass.i18n import set_language
        from compass.method.steps import STEPS
        from compass.ui.main_window import MainWindow
        from compass.ui.qt_i18n import install_qt_translations

        set_language(args.lang)
        app = create_application(sys.argv)
        install_qt_translations(app, args.lang)
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)
        services = AppServices(f"sqlite:///{home}/compass.sqlite3")
        session_id = import_examples(services)
        window = MainWindow(services=services, settings=open_settings())
        window.resize(width, height)
        window.show()
        app.processEvents()
        suffix = f"{args.lang}" + (f"-x{args.font_scale:g}" if args.font_scale != 1 else "")
        window.grab().save(str(out / f"start-{suffix}.png"))
        window.open_session(session_id)
        for number, step in enumerate(STEPS):
            window.wizard.go_to(step)
            app.processEvents()
            window.grab().save(str(out / f"step{number}-{step.value}-{suffix}.png"))
        window.close()
        services.close()
        QApplication.processEvents()
    print(f"screenshots in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
