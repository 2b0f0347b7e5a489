"""Statutory returns written from the warehouse (docs/returns.md): the SSDA903 CSV set, from the return models
of models/returns/ (schema returns), checked by the DfE validation rules built into the warehouse."""
