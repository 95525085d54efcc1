"""The ``netkit`` command: a thin layer over the library, one command per job."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from netkit.errors import NetkitError

__all__ = [
    "lang_option",
    "load_network",
    "main",
    "network_argument",
    "output_option",
    "seed_option",
    "target_options",
]


class _Group(click.Group):
    """Turns every NetkitError into ``Error: …`` on one line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NetkitError as exc:
            raise click.ClickException(str(exc)) from None


def output_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The required ``-o/--output FILE`` option, with the command's own help."""
    return click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help=help)


lang_option = click.option(
    "--lang",
    type=click.Choice(["en", "it"]),
    default="en",
    show_default=True,
    help="Language of the text: English or Italian.",
)
seed_option = click.option(
    "--seed", default=0, show_default=True, type=int, help="Seed of the randomised steps."
)


def target_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--target SECTOR`` with ``--territory`` and ``--role`` (maps and the report)."""
    func = click.option("--role", help="With --target: the target role.")(func)
    func = click.option("--territory", help="With --target: the target place.")(func)
    return click.option(
        "--target",
        "sector",
        metavar="SECTOR",
        help="Target sector (the report defaults to your own target from the archive).",
    )(func)


def network_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("network", nargs=-1, required=True, metavar="NETWORK...")(func)


def load_network(paths: tuple[str, ...]) -> Any:
    """A saved network as it is; raw exports imported, merged and enriched on the fly."""
    from netkit.io import read_graphml, sniff_format
    from netkit.pipeline import import_network

    if len(paths) == 1 and sniff_format(paths[0]) == "netkit-graphml":
        return read_graphml(paths[0])
    return import_network(list(paths)).graph


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="netkit")
def main() -> None:
    """netkit: a map of your professional network from your contact exports.

    Start with `netkit demo`, then `netkit import Connections.csv -o network.graphml`
    and `netkit info network.graphml`. Nothing leaves your machine.
    """


@main.command("import")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@output_option("The network file to write (.graphml).")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    help="Also save the full import report (every rejected row) as JSON.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first row that cannot be read instead of reporting it.",
)
@click.option("--ego-name", help="Your own name, shown on the map's centre.")
@click.option(
    "--owner-email",
    "owner_emails",
    multiple=True,
    metavar="ADDRESS",
    help="Your own e-mail address (repeatable); otherwise inferred from mail and calendar files.",
)
@click.option(
    "--ego",
    metavar="NODE",
    help="For a network file (GraphML, GEXF, edge list): the node that is you. "
    "Without it the network is analysed as a whole.",
)
@click.option(
    "--no-enrich",
    is_flag=True,
    help="Skip classifying function, seniority, sector and territory.",
)
def import_command(
    sources: tuple[str, ...],
    output: str,
    report_path: str | None,
    strict: bool,
    ego_name: str | None,
    owner_emails: tuple[str, ...],
    ego: str | None,
    no_enrich: bool,
) -> None:
    """Import exports into one network file; formats are recognised from content.

    \b
    Example:
        netkit import Connections.csv -o network.graphml
        netkit import Basic_LinkedInDataExport_03-01-2026.zip -o network.graphml

    Rows that cannot be read are listed with their line number; nothing is
    dropped silently.
    """
    from netkit.io import write_graphml
    from netkit.pipeline import import_network

    options: dict[str, Any] = {"on_bad_rows": "error" if strict else "report"}
    if ego_name:
        options["ego_name"] = ego_name
    if owner_emails:
        options["owner_emails"] = owner_emails
    if ego:
        options["ego"] = ego
    result = import_network(list(sources), enrich=not no_enrich, **options)
    for line in result.summary():
        click.echo(line)
    write_graphml(result.graph, output)
    if report_path:
        _save_report(result, report_path)
    click.echo(f"wrote {output}")


def _save_report(result: Any, path: str) -> None:
    saved = {
        "sources": [r.to_dict() for r in result.reports],
        "identity": result.identity.to_dict() if result.identity else None,
        "overrides": [r.to_dict() for r in result.override_reports],
        "unmatched_overrides": [str(issue) for issue in result.unmatched_overrides],
    }
    Path(path).write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@main.command("enrich")
@network_argument
@output_option("The enriched network file to write (.graphml).")
@click.option(
    "--organisations",
    type=click.Path(dir_okay=False),
    metavar="MAP.csv",
    help="Your corrections: organisation,sector,territory.",
)
@click.option(
    "--people",
    type=click.Path(dir_okay=False),
    metavar="MAP.csv",
    help="Your corrections: person,function,seniority,sector,territory.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    help="Also save the override files' reports as JSON.",
)
def enrich_command(
    network: tuple[str, ...],
    output: str,
    organisations: str | None,
    people: str | None,
    report_path: str | None,
) -> None:
    """Classify function, seniority, sector and territory of every contact.

    Your override files win over netkit's rules, and each value records how it
    was decided. `netkit info` then shows what is still unclassified.

    \b
    Example:
        netkit enrich network.graphml --organisations my-orgs.csv -o network.graphml
    """
    from netkit.enrich import (
        annotate_enrichment,
        enrichment_coverage,
        load_overrides,
        unmatched_overrides,
    )
    from netkit.io import write_graphml
    from netkit.pipeline import ImportResult

    G = load_network(network)
    overrides = load_overrides(organisations, people) if organisations or people else None
    result = ImportResult(G, [])
    if overrides is not None:
        result.override_reports = list(overrides.reports)
        result.unmatched_overrides = unmatched_overrides(G, overrides)
    annotate_enrichment(G, overrides=overrides)
    for line in result.summary():
        click.echo(line)
    _print_enrichment(enrichment_coverage(G))
    write_graphml(G, output)
    if report_path:
        _save_report(result, report_path)
    click.echo(f"wrote {output}")


def _print_enrichment(coverage: dict[str, Any]) -> None:
    shares = coverage["coverage"]
    click.echo(
        "classified: "
        + ", ".join(
            f"{key} {shares[key]:.0%}" for key in ("function", "seniority", "sector", "territory")
        )
        + f" of contacts (sector {shares['sector_with_organisation']:.0%} of those with an "
        "organisation)"
    )
    for what, key in (
        ("titles", "unclassified_titles"),
        ("organisations", "unclassified_organisations"),
    ):
        if coverage[key]:
            listed = "; ".join(f"{name} ({n})" for name, n in coverage[key][:5])
            click.echo(f"unclassified {what}: {listed}")


def _bar(n: int, largest: int, width: int = 30) -> str:
    return "#" * max(1, round(width * n / largest)) if n else ""


def _print_summary(summary: Any) -> None:
    s = summary
    share = s.contacts_with_organisation / s.contacts if s.contacts else 0
    click.echo(
        f"{s.contacts} contacts, {s.organisations} organisations ({share:.0%} of contacts have one)"
    )
    for source in s.sources:
        rows = f"{source['rows']} rows" if source["rows"] is not None else "rows unknown"
        click.echo(
            f"source: {source['kind']} {source['file']} ({rows}, {source['rejected']} rejected)"
        )
    if s.first_connection:
        click.echo(f"connected from {s.first_connection} to {s.last_connection}")
    if s.connection_years:
        largest = max(s.connection_years.values())
        click.echo("connections per year:")
        for year, n in s.connection_years.items():
            click.echo(f"  {year} {n:5d} {_bar(n, largest)}")
    if s.top_organisations:
        click.echo("top organisations:")
        for name, n in s.top_organisations:
            click.echo(f"  {n:5d}  {name}")
    if len(s.contacts_per_source) > 1:
        click.echo(
            "contacts per source: "
            + ", ".join(f"{kind} {n}" for kind, n in s.contacts_per_source.items())
        )
    channels = (
        ", ".join(f"{c} {n} ({s.channel_coverage[c]:.0%})" for c, n in s.channels.items()) or "none"
    )
    click.echo(
        f"evidence: channels {channels}; {s.interaction_ties} ties with interaction data; "
        f"{s.person_ties} ties among contacts"
    )
    if s.enrichment:
        _print_enrichment(s.enrichment)
    for item in s.missing:
        click.echo(f"missing: {item}")


@main.command("info")
@network_argument
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout and nothing else.")
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="How many organisations to list.",
)
def info_command(network: tuple[str, ...], as_json: bool, top: int) -> None:
    """Summarise a network: contacts, organisations, years, sources, what is missing.

    NETWORK is a file written by `netkit import`, or raw exports imported on the fly.

    \b
    Example:
        netkit info network.graphml
        netkit info Connections.csv --json
    """
    from netkit.summary import summarise

    summary = summarise(load_network(network), top=top)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=1, ensure_ascii=False))
    else:
        _print_summary(summary)


@main.command("demo")
@click.option(
    "-o",
    "--output",
    "directory",
    default="netkit-demo",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the sample and the results.",
)
@click.option("--seed", default=2026, show_default=True, help="Seed of the sample world.")
def demo_command(directory: str, seed: int) -> None:
    """Run netkit on its bundled synthetic sample: an HR professional in Milan.

    Writes the sample exports (LinkedIn archive, address book, mailbox, calendar,
    declared ties) into DIRECTORY/sample, imports, merges and enriches them into
    DIRECTORY/network.graphml, then analyses them as a coaching session would: what
    the network holds, its clusters, the ties worth reviving, the best bridges
    toward the owner's own target, the maps (map.png, map.html) and the coaching report
    in English and Italian (report-en.html, report-it.html).

    \b
    Example:
        netkit demo -o netkit-demo
    """
    from netkit.analyse import bridges, cluster_summary, clusters, maintenance, target, ties
    from netkit.io import write_graphml
    from netkit.pipeline import import_network
    from netkit.render import interactive_map, report, static_map
    from netkit.sample import SAMPLE_FILES, write_sample
    from netkit.summary import summarise

    out = Path(directory)
    sample = out / "sample"
    try:
        sample.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot create the folder ({exc.strerror})") from None
    write_sample(sample, seed=seed)
    result = import_network([sample / name for name in SAMPLE_FILES])
    for line in result.summary(limit=3):
        click.echo(line)
    G = result.graph
    network = write_graphml(G, out / "network.graphml")
    click.echo(f"wrote {network}")
    click.echo("")
    _print_summary(summarise(G))

    tie_table = ties(G)
    cluster_table = clusters(G, seed=seed)
    bridge_table = bridges(G, clusters=cluster_table, seed=seed)
    click.echo("")
    click.echo("largest clusters:")
    summary = cluster_summary(G, seed=seed, table=cluster_table)
    for row in summary[summary["cluster"] >= 0].head(6).itertuples(index=False):
        click.echo(f"  {row.size:4d}  {row.label}")
    click.echo("ties worth reviving:")
    for row in maintenance(G, top=5).itertuples(index=False):
        click.echo(f"  {row.name} ({row.tie_class}, last contact {row.last_contact})")
    ranking = target(G, ties=tie_table, bridges=bridge_table, clusters=cluster_table, top=5)
    click.echo("")
    click.echo(ranking.table(width=80))
    highlight = list(ranking.ranking["person"].head(5))
    tables = {"clusters": cluster_table, "ties": tie_table, "bridges": bridge_table}
    picture = out / "map.png"
    static_map(G, picture, highlight=highlight, seed=seed, **tables)
    page = interactive_map(G, out / "map.html", highlight=highlight, seed=seed, **tables)
    reports = [
        report(G, out / f"report-{lang}.html", lang=lang, seed=seed, **tables)
        for lang in ("en", "it")
    ]
    click.echo("")
    click.echo(f"wrote {picture} and {page} (the interactive map works offline)")
    click.echo(f"wrote {reports[0]} and {reports[1]} (the coaching report in English and Italian)")
    click.echo(f'next: netkit target {network} --sector "renewable energy" --territory Milano')


# Commands by topic, each module registering on ``main``.
from netkit.cli import analyse as _analyse  # noqa: E402,F401
from netkit.cli import render as _render  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
