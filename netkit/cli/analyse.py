"""Analysis commands: ties, clusters, bridges, diff, target."""

from __future__ import annotations

import json

import click

from netkit.cli import lang_option, load_network, main, network_argument
from netkit.cli._output import emit, records


def _table_options(func):
    func = click.option(
        "--top",
        default=20,
        show_default=True,
        type=click.IntRange(1, 100000),
        help="Rows to show in the terminal.",
    )(func)
    func = click.option(
        "--csv",
        "csv_path",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="Save every row as a spreadsheet-safe CSV.",
    )(func)
    return click.option(
        "--json", "as_json", is_flag=True, help="Print JSON on stdout and nothing else."
    )(func)


@main.command("ties")
@network_argument
@_table_options
@click.option(
    "--maintenance",
    is_flag=True,
    help="Show the ties most worth reviving now instead of every tie.",
)
def ties_command(network, as_json, csv_path, top, maintenance):
    """Tie strength and class (strong, medium, weak, dormant, latent) of every contact.

    Each row shows the evidence behind its score; --maintenance lists the dormant
    and weak ties most worth reviving now, with a suggestion.

    \b
    Example:
        netkit ties network.graphml --top 15
        netkit ties network.graphml --maintenance
    """
    from netkit.analyse.ties import maintenance as maintenance_list
    from netkit.analyse.ties import ties

    G = load_network(network)
    if maintenance:
        frame = maintenance_list(G, top=top)
        columns = ["name", "tie_class", "last_contact", "why"]
    else:
        frame = ties(G)
        columns = ["name", "strength", "tie_class", "evidence"]
    emit(
        frame,
        as_json=as_json,
        csv_path=csv_path,
        columns=columns,
        top=top,
        notes=frame.attrs.get("notes", ()),
    )


@main.command("clusters")
@network_argument
@_table_options
@click.option(
    "--resolution",
    default=1.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Higher gives more, smaller clusters.",
)
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--people", is_flag=True, help="One row per contact instead of per cluster.")
def clusters_command(network, as_json, csv_path, top, resolution, seed, people):
    """Clusters of your network, named from their members, with their stability.

    \b
    Example:
        netkit clusters network.graphml
        netkit clusters network.graphml --people --csv clusters.csv
    """
    from netkit.analyse.clusters import cluster_summary, clusters

    G = load_network(network)
    if people:
        frame = clusters(G, resolution=resolution, seed=seed)
        columns = ["name", "cluster", "cluster_label"]
    else:
        frame = cluster_summary(G, resolution=resolution, seed=seed)
        columns = ["cluster", "size", "label"]
    emit(
        frame,
        as_json=as_json,
        csv_path=csv_path,
        columns=columns,
        top=top,
        notes=frame.attrs.get("notes", ()),
    )


@main.command("bridges")
@network_argument
@_table_options
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=int,
    help="Seed of sampled betweenness on large networks.",
)
def bridges_command(network, as_json, csv_path, top, seed):
    """Bridges and brokers: who connects parts of your network that are otherwise apart.

    \b
    Example:
        netkit bridges network.graphml --top 10
    """
    from netkit.analyse.bridges import bridges

    frame = bridges(load_network(network), seed=seed)
    emit(
        frame,
        as_json=as_json,
        csv_path=csv_path,
        columns=["name", "betweenness", "why"],
        top=top,
        notes=frame.attrs.get("notes", ()),
    )


@main.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout and nothing else.")
def diff_command(old, new, as_json):
    """What changed between two imports: new and lost contacts, new jobs and titles.

    A contact who changed organisation or title is a natural reason to get back in
    touch.

    \b
    Example:
        netkit diff network-2025.graphml network-2026.graphml
    """
    from netkit.analyse.diff import diff

    result = diff(load_network((old,)), load_network((new,)))
    if as_json:
        click.echo(
            json.dumps(
                {name: records(getattr(result, name)) for name in ("added", "lost", "changed")},
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    for line in result.summary():
        click.echo(line)


@main.command("target")
@network_argument
@click.option("--sector", help='Target sector, e.g. "renewable energy", "energie rinnovabili".')
@click.option("--role", help='Target role, e.g. "HR director".')
@click.option("--seniority", help='Target seniority, e.g. "director".')
@click.option("--territory", help='Target place, e.g. "Milano", "Lombardia".')
@click.option(
    "--organisation",
    "--company",
    "organisations",
    multiple=True,
    metavar="NAME",
    help="A target organisation (repeatable).",
)
@click.option("--top", default=20, show_default=True, type=click.IntRange(1, 100000))
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout and nothing else.")
def target_command(network, sector, role, seniority, territory, organisations, top, lang, as_json):
    """Whom to ask toward a target, in what order and why, with next steps.

    Without options, your own target from the LinkedIn archive (job-seeker
    preferences, followed companies, saved jobs) is used.

    \b
    Example:
        netkit target network.graphml --sector "renewable energy" --territory Milano
    """
    from netkit.analyse.target import target

    result = target(
        load_network(network),
        sector=sector,
        role=role,
        seniority=seniority,
        territory=territory,
        organisations=organisations,
        top=top,
        lang=lang,
    )
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(result.table(width=80, lang=lang))
