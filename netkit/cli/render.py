"""Output commands: maps and exports."""

from __future__ import annotations

from pathlib import Path

import click

from netkit.cli import (
    lang_option,
    load_network,
    main,
    network_argument,
    output_option,
    seed_option,
    target_options,
)


@main.command("map")
@network_argument
@output_option("map.png, .svg or .pdf (static) or map.html (interactive, works offline).")
@target_options
@lang_option
@seed_option
def map_command(network, output, sector, territory, role, lang, seed):
    """Draw the network: a static picture that prints well, or an offline interactive map.

    \b
    Example:
        netkit map network.graphml -o map.png
        netkit map network.graphml -o map.html --target "renewable energy"
    """
    from netkit.render import interactive_map, static_map

    G = load_network(network)
    highlight: list[str] = []
    if sector or territory or role:
        from netkit.analyse.target import target

        result = target(G, sector=sector, territory=territory, role=role, top=10)
        highlight = list(result.ranking["person"].head(10))
    path = Path(output)
    if path.suffix.lower() in (".html", ".htm"):
        interactive_map(G, path, highlight=highlight, lang=lang, seed=seed)
    else:
        static_map(G, path, highlight=highlight, lang=lang, seed=seed)
    click.echo(f"wrote {path}")


@main.command("export")
@network_argument
@output_option("FILE.graphml, FILE.gexf (Gephi) or FILE.csv (people and ties tables).")
def export_command(network, output):
    """Export the network for Gephi, Cytoscape or a spreadsheet (formulas neutralised).

    \b
    Example:
        netkit export network.graphml -o network.gexf
        netkit export network.graphml -o people.csv
    """
    from netkit.render.export import export

    written = export(load_network(network), Path(output))
    click.echo(f"wrote {written}")


@main.command("anonymise")
@network_argument
@output_option("The anonymised network file to write (.graphml).")
@click.option(
    "--salt",
    required=True,
    help="A secret of yours: the same salt gives the same pseudonyms. Keep it private.",
)
@click.option(
    "--keep",
    "keep",
    type=click.Choice(["organisations"]),
    multiple=True,
    help="Keep real organisation names (people always become pseudonyms).",
)
def anonymise_command(network, output, salt, keep):
    """Share a map without exposing third parties: people become stable pseudonyms.

    Names, e-mails, phones, profile URLs, notes and titles are dropped; dates become
    years; organisations become pseudonyms unless --keep organisations. See
    docs/anonymise.md for every rule.

    \b
    Example:
        netkit anonymise network.graphml --salt "my secret" -o anon.graphml
    """
    from netkit.anonymise import anonymise
    from netkit.io import write_graphml

    try:
        H = anonymise(load_network(network), salt=salt, keep_organisations="organisations" in keep)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    write_graphml(H, output)
    click.echo(f"wrote {output}")


@main.command("report")
@network_argument
@output_option("The report to write (.html): one self-contained file, prints on A4.")
@lang_option
@target_options
@click.option(
    "--previous",
    type=click.Path(dir_okay=False),
    metavar="OLD.graphml",
    help="An earlier import of the same network: the report lists who changed job since.",
)
@seed_option
def report_command(network, output, lang, sector, territory, role, previous, seed):
    """Write the report a coach walks through: network, map, clusters, ties, bridges, target.

    \b
    Example:
        netkit report network.graphml -o report.html --lang it
        netkit report new.graphml --previous old.graphml -o report.html
    """
    from netkit.render import report

    path = report(
        load_network(network),
        Path(output),
        lang=lang,
        sector=sector,
        territory=territory,
        role=role,
        previous=None if previous is None else load_network((previous,)),
        seed=seed,
    )
    click.echo(f"wrote {path}")
