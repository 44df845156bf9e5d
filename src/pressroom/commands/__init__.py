"""The CLI's commands, one module each: `register` adds its arguments, `run` does the work.

Only this package and cli.py print or choose exit codes; everything below returns values.
"""

from pressroom.commands import build as build_command

# Each entry: (name, module). A module has HELP, register(parser) and run(args) -> int.
COMMANDS = (("build", build_command),)
