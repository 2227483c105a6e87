// The ToedelingAPI module.
