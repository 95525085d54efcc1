"""A seeded synthetic sample world and the exports written from it.

One world (an HR Business Partner in Milan aiming at renewable energy, her 800
connections and a few people outside LinkedIn) is written as every export netkit
reads: ``Connections.csv``, LinkedIn's data archive, a vCard address book, an mbox,
an iCalendar file and a declared-ties table, with ``truth.json`` recording what was
planted (groups, ties, interactions, identities, who knows whom).
"""

from netkit.sample.addressbook import write_vcards
from netkit.sample.archive import write_linkedin_archive
from netkit.sample.calendar import write_ics
from netkit.sample.declared import write_declared_ties
from netkit.sample.linkedin import write_connections_csv
from netkit.sample.mail import write_mbox
from netkit.sample.world import (
    SampleOrganisation,
    SampleOwner,
    SamplePerson,
    SamplePosition,
    World,
    generate_world,
    write_sample,
)

#: The files :func:`write_sample` writes besides ``truth.json``, in import order.
SAMPLE_FILES = (
    "Complete_LinkedInDataExport_11-01-2026.zip",
    "contacts.vcf",
    "mail.mbox",
    "calendar.ics",
    "declared-ties.csv",
)

__all__ = [
    "SAMPLE_FILES",
    "SampleOrganisation",
    "SampleOwner",
    "SamplePerson",
    "SamplePosition",
    "World",
    "generate_world",
    "write_connections_csv",
    "write_declared_ties",
    "write_ics",
    "write_linkedin_archive",
    "write_mbox",
    "write_sample",
    "write_vcards",
]
