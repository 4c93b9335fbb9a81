"""Reference data: regions (Kanwil, one per province) and Bapas offices."""
