// The tests share two busy cores with other builds: one test at a time, each bounded in time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
