"""How a build turns the landed extracts and the published warehouse into a new warehouse: which extracts to
gate in which order (plan), the history and vintages carried from earlier builds (carry), the merge of newly
built councils into a copy of the published file (merge), and the record of which extract each council's
figures come from (council_extracts). docs/architecture.md section 5."""
