"""The CLI's commands, one module each: `register` adds its arguments, `run` does the work.

Only this package and cli.py print or choose exit codes; everything below returns values.
"""

from pressroom.commands import build as build_command
from pressroom.commands import doctor as doctor_command
from pressroom.commands import import_ as import_command
from pressroom.commands import new as new_command
from pressroom.commands import preflight as preflight_command
from pressroom.commands import schema as schema_command
from pressroom.commands import watch as watch_command

# Each entry: (name, module). A module has HELP, register(parser) and run(args) -> int.
COMMANDS = (
    ("build", build_command),
    ("new", new_command),
    ("import", import_command),
    ("doctor", doctor_command),
    ("schema", schema_command),
    ("watch", watch_command),
    ("preflight", preflight_command),
)
