// The ReadModels module.
