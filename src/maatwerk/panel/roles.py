DEFAULT_GRANTS = {"Klantonderzoeker": ["panel.manage_panel"]}
