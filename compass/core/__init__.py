"""What a session is: frozen types, codes and errors. Imports only the shared base (i18n, paths)."""
