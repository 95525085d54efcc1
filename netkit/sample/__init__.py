"""A seeded synthetic sample world and the exports written from it."""

from netkit.sample.linkedin import write_connections_csv
from netkit.sample.world import (
    SampleOrganisation,
    SampleOwner,
    SamplePerson,
    SamplePosition,
    World,
    generate_world,
    write_sample,
)

__all__ = [
    "SampleOrganisation",
    "SampleOwner",
    "SamplePerson",
    "SamplePosition",
    "World",
    "generate_world",
    "write_connections_csv",
    "write_sample",
]
