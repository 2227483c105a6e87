// The Taaktoedeling module.
