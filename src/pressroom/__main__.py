from pressroom.cli import command

command()
