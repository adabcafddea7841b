"""The 任务台账: tasks with their responsible units and deadlines, references between
documents, and the ledger's export."""
