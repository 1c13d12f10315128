// Progressive enhancements are loaded per page; this file is intentionally small.
