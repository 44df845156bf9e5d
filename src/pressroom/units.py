"""Units shared by the stages that read or write PDF geometry; a module of its own so that
importing the constant loads nothing else."""

PT_PER_MM = 72 / 25.4
