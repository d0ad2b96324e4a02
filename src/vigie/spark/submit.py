"""spark-submit's entry point: the `vigie` command line, run by Spark's driver.

spark-submit [--master yarn …] "$(python -c 'import vigie.spark.submit as m; print(m.__file__)')" \
    spark ingest hdfs:///crawl/ --db postgresql://vigie@db/vigie --parquet hdfs:///tmp/vigie-run
"""

from __future__ import annotations

from vigie.cli import main

if __name__ == "__main__":
    main()
