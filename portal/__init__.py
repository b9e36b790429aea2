"""The top app: pages that gather several apps' data (the start page) and the worker round-trip
check. It may import any app below it; only `demo` stands above it."""
