"""The Parquet partitions a batch writes: one file per document per store table.

The format is the store's (``tieout.store.partitions``, where the functions
live beside the schema they follow); the batch layer names them here, so the
store never imports the batch layer that drives it.
"""

from tieout.store.partitions import (PARTITION_TABLES, WRITE_ORDER, partition_index, partition_path,
                                     read_partitions, write_partitions)

__all__ = ["PARTITION_TABLES", "WRITE_ORDER", "partition_index", "partition_path", "read_partitions",
           "write_partitions"]
