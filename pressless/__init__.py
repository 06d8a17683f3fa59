"""Pressless: `core` (pure code shared by plugins and tools) and `tools` (behind the tasks)."""
