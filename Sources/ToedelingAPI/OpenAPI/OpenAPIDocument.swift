/// The OpenAPI 3.1 document of the API, served as it is at `/v1/openapi.json`. A test checks that its
/// paths and methods are exactly the routes the router registers.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Toedeling",
        "version": "1.0.0",
        "description": "Taaktoedeling dossiers of the Beleidskader decentraal en gedeconcentreerd bestuur (BZK). Every response carries API-Version and X-Request-ID; every error is application/problem+json. No trailing slashes; dates ISO 8601, instants in UTC. Unknown body fields and unknown query parameters are input errors (400). Any path answers an unsupported method with 405 and Allow.",
        "contact": {
          "name": "BZK"
        }
      },
      "servers": [
        {
          "url": "/"
        }
      ],
      "security": [
        {
          "bearer": []
        }
      ],
      "tags": [
        {
          "name": "dossiers"
        },
        {
          "name": "afwegingskader"
        },
        {
          "name": "rapportages"
        },
        {
          "name": "gebeurtenissen"
        },
        {
          "name": "beheer"
        }
      ],
      "paths": {
        "/health": {
          "get": {
            "operationId": "gezondheid",
            "summary": "liveness and database check",
            "responses": {
              "200": {
                "description": "the database answers",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Gezondheid"
                    }
                  }
                }
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "tags": [
              "beheer"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              }
            ],
            "security": []
          }
        },
        "/metrics": {
          "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics",
            "responses": {
              "200": {
                "description": "Prometheus text exposition format",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  }
                },
                "content": {
                  "text/plain": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              }
            },
            "tags": [
              "beheer"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              }
            ],
            "security": []
          }
        },
        "/v1/openapi.json": {
          "get": {
            "operationId": "openapi",
            "summary": "this document",
            "responses": {
              "200": {
                "description": "OpenAPI 3.1",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
                    }
                  }
                }
              }
            },
            "tags": [
              "beheer"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              }
            ],
            "security": []
          }
        },
        "/v1/dossiers": {
          "post": {
            "operationId": "openDossier",
            "summary": "open a dossier",
            "responses": {
              "201": {
                "description": "the dossier as opened",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Dossier"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuwDossier"
                  }
                }
              }
            }
          },
          "get": {
            "operationId": "dossiers",
            "summary": "list dossiers",
            "responses": {
              "200": {
                "description": "a page of dossiers (a koepel: only those it was invited to)",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Link": {
                    "$ref": "#/components/headers/Link"
                  },
                  "X-Total-Count": {
                    "$ref": "#/components/headers/X-Total-Count"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierLijst"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator, koepel, liaison.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "name": "fase",
                "in": "query",
                "required": false,
                "schema": {
                  "$ref": "#/components/schemas/Fase"
                }
              },
              {
                "name": "vakdepartement",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "string",
                  "minLength": 1
                }
              },
              {
                "name": "page",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "default": 1
                }
              },
              {
                "name": "pageSize",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 100,
                  "default": 20
                }
              }
            ]
          }
        },
        "/v1/dossiers/{id}": {
          "get": {
            "operationId": "dossier",
            "summary": "one dossier",
            "responses": {
              "200": {
                "description": "the dossier (now, or as recorded at the peildatum)",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Dossier"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator, liaison, koepel (only when invited).",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/Peildatum"
              }
            ]
          }
        },
        "/v1/dossiers/{id}/tijdlijn": {
          "get": {
            "operationId": "tijdlijn",
            "summary": "the timeline in Dutch sentences",
            "responses": {
              "200": {
                "description": "the timeline in stream order",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Tijdlijn"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator, liaison, koepel (only when invited).",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/Peildatum"
              }
            ]
          }
        },
        "/v1/dossiers/{id}/gebeurtenissen": {
          "get": {
            "operationId": "dossierGebeurtenissen",
            "summary": "the raw events of a dossier",
            "responses": {
              "200": {
                "description": "the stored events with metadata and hashes",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Gebeurtenissen"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator, liaison.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              }
            ]
          }
        },
        "/v1/dossiers/{id}/consultaties": {
          "post": {
            "operationId": "openConsultatie",
            "summary": "open a consultation round",
            "responses": {
              "201": {
                "description": "the dossier, with the new round as ronde",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuweConsultatie"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/consultaties/{ronde}/reacties": {
          "post": {
            "operationId": "dienReactieIn",
            "summary": "submit a koepel's reactie (or register one namens a koepel)",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: koepel, coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/Ronde"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuweReactie"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/consultaties/{ronde}/sluiting": {
          "post": {
            "operationId": "sluitConsultatie",
            "summary": "close a round",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/Ronde"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Sluiting"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/toetsingen": {
          "post": {
            "operationId": "legToetsingVast",
            "summary": "record the kader assessment",
            "responses": {
              "201": {
                "description": "the dossier, with the advice as advies",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuweToetsing"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/financiele-gevolgen": {
          "post": {
            "operationId": "legFinancieleGevolgenVast",
            "summary": "record the financial consequences",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuweFinancieleGevolgen"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/udo-aanvragen": {
          "post": {
            "operationId": "vraagUdoAan",
            "summary": "request the UDO",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/UdoAanvraag"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/udo-uitkomsten": {
          "post": {
            "operationId": "legUdoUitkomstVast",
            "summary": "record the UDO outcome",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuweUdoUitkomst"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/besluiten": {
          "post": {
            "operationId": "legBesluitVast",
            "summary": "record the decision",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuwBesluit"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/kamerstukken": {
          "post": {
            "operationId": "koppelKamerstuk",
            "summary": "link a Kamerstuk",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator, liaison.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuwKamerstuk"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/intrekking": {
          "post": {
            "operationId": "trekIn",
            "summary": "withdraw the dossier",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuweIntrekking"
                  }
                }
              }
            }
          }
        },
        "/v1/dossiers/{id}/heropening": {
          "post": {
            "operationId": "heropen",
            "summary": "reopen a decided dossier",
            "responses": {
              "201": {
                "description": "the dossier after the command",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  },
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/Idempotent-Replayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DossierNaCommando"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "dossiers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/DossierId"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NieuweHeropening"
                  }
                }
              }
            }
          }
        },
        "/v1/afwegingskader/_advies": {
          "post": {
            "operationId": "advies",
            "summary": "the afwegingskader's advice for given taakkenmerken",
            "responses": {
              "200": {
                "description": "the advice; nothing is stored",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Advies"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator, koepel, liaison.",
            "tags": [
              "afwegingskader"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/AdviesVerzoek"
                  }
                }
              }
            }
          }
        },
        "/v1/rapportages/stand-van-zaken": {
          "get": {
            "operationId": "standVanZaken",
            "summary": "stand van zaken per peildatum, by Accept",
            "responses": {
              "200": {
                "description": "the report; the same peildatum gives the same bytes",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/StandVanZaken"
                    }
                  },
                  "text/csv": {
                    "schema": {
                      "type": "string"
                    }
                  },
                  "text/markdown": {
                    "schema": {
                      "type": "string"
                    }
                  },
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "406": {
                "$ref": "#/components/responses/NotAcceptable"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator, liaison.",
            "tags": [
              "rapportages"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "name": "peildatum",
                "in": "query",
                "required": false,
                "description": "a date or date-time (default: now)",
                "schema": {
                  "type": "string"
                }
              }
            ]
          }
        },
        "/v1/gebeurtenissen": {
          "get": {
            "operationId": "feed",
            "summary": "the global event feed",
            "responses": {
              "200": {
                "description": "events in commit order; never skips or repeats one",
                "headers": {
                  "API-Version": {
                    "$ref": "#/components/headers/API-Version"
                  },
                  "X-Request-ID": {
                    "$ref": "#/components/headers/X-Request-ID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Feed"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "description": "Roles: coordinator.",
            "tags": [
              "gebeurtenissen"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/XRequestID"
              },
              {
                "name": "na",
                "in": "query",
                "required": false,
                "description": "the volgende cursor of the previous page",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "limit",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 1000,
                  "default": 100
                }
              }
            ]
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "tdl_… tokens from toedeling-admin token create"
          }
        },
        "schemas": {
          "Problem": {
            "type": "object",
            "properties": {
              "type": {
                "type": "string",
                "format": "uri-reference",
                "description": "kind of problem; about:blank when the status says it all"
              },
              "title": {
                "type": "string"
              },
              "status": {
                "type": "integer"
              },
              "detail": {
                "type": "string"
              },
              "instance": {
                "type": "string",
                "description": "the request path"
              },
              "invalidParams": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/InvalidParam"
                },
                "description": "every field problem (400 only)"
              }
            },
            "required": [
              "type",
              "title",
              "status",
              "detail"
            ],
            "additionalProperties": false,
            "description": "RFC 9457 problem details (application/problem+json)"
          },
          "InvalidParam": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "description": "field, dotted for nested fields, [i] for list elements; or a query parameter or header"
              },
              "reason": {
                "type": "string",
                "description": "in Dutch"
              }
            },
            "required": [
              "name",
              "reason"
            ],
            "additionalProperties": false
          },
          "Koepel": {
            "type": "string",
            "enum": [
              "VNG",
              "IPO",
              "UvW"
            ]
          },
          "Fase": {
            "type": "string",
            "enum": [
              "voorstel",
              "consultatie",
              "getoetst",
              "udo",
              "udoAfgerond",
              "besloten",
              "ingetrokken"
            ]
          },
          "Soort": {
            "type": "string",
            "enum": [
              "taak",
              "bevoegdheid"
            ]
          },
          "Aanleiding": {
            "type": "string",
            "enum": [
              "wetsevaluatie",
              "politiekeAfspraak",
              "motie"
            ]
          },
          "Standpunt": {
            "type": "string",
            "enum": [
              "instemmend",
              "instemmendMetKanttekeningen",
              "bezwaar"
            ]
          },
          "UdoUitkomst": {
            "type": "string",
            "enum": [
              "uitvoerbaar",
              "uitvoerbaarMetVoorwaarden",
              "nietUitvoerbaar"
            ]
          },
          "Bestuurslaag": {
            "type": "string",
            "enum": [
              "gemeente",
              "provincie",
              "waterschap",
              "gemeenschappelijkeRegeling",
              "rijksuitvoeringsorganisatie",
              "functioneelBestuur",
              "rijk"
            ]
          },
          "Taakkenmerken": {
            "type": "object",
            "properties": {
              "schaal": {
                "type": "string",
                "enum": [
                  "lokaal",
                  "regionaal",
                  "landelijk"
                ]
              },
              "beleidsvrijheid": {
                "type": "string",
                "enum": [
                  "veel",
                  "weinig"
                ]
              },
              "sturingVakdepartement": {
                "type": "boolean"
              },
              "waterbeheer": {
                "type": "boolean"
              },
              "specifiekBeleidsterrein": {
                "type": "boolean"
              },
              "samenwerking": {
                "type": "string",
                "enum": [
                  "geen",
                  "vrijwillig",
                  "verplicht",
                  "semiVerplicht"
                ]
              },
              "congruenteRegioIndeling": {
                "type": "boolean",
                "description": "regional tasks only"
              }
            },
            "required": [
              "schaal",
              "beleidsvrijheid",
              "sturingVakdepartement",
              "waterbeheer",
              "specifiekBeleidsterrein",
              "samenwerking"
            ],
            "additionalProperties": false
          },
          "AdviesRegel": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "enum": [
                  "R1",
                  "R2",
                  "R3",
                  "R4",
                  "R5",
                  "R6",
                  "R7",
                  "R8",
                  "R9"
                ]
              },
              "citaat": {
                "type": "string"
              },
              "toelichting": {
                "type": "string"
              }
            },
            "required": [
              "id",
              "citaat",
              "toelichting"
            ],
            "additionalProperties": false
          },
          "Advies": {
            "type": "object",
            "properties": {
              "bestuurslaag": {
                "$ref": "#/components/schemas/Bestuurslaag"
              },
              "alternatieven": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Bestuurslaag"
                }
              },
              "regels": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/AdviesRegel"
                }
              },
              "udoVereist": {
                "type": "boolean"
              },
              "waarschuwingen": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            },
            "required": [
              "bestuurslaag",
              "alternatieven",
              "regels",
              "udoVereist",
              "waarschuwingen"
            ],
            "additionalProperties": false,
            "description": "the afwegingskader's advice: first choice, alternatives, the rules that fired"
          },
          "Reactie": {
            "type": "object",
            "properties": {
              "koepel": {
                "$ref": "#/components/schemas/Koepel"
              },
              "standpunt": {
                "$ref": "#/components/schemas/Standpunt"
              },
              "toelichting": {
                "type": "string"
              },
              "kenmerk": {
                "type": "string"
              },
              "ingediendOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "teLaat": {
                "type": "boolean"
              },
              "geregistreerdDoor": {
                "type": "string"
              }
            },
            "required": [
              "koepel",
              "standpunt",
              "toelichting",
              "ingediendOp",
              "teLaat",
              "geregistreerdDoor"
            ],
            "additionalProperties": false
          },
          "Consultatie": {
            "type": "object",
            "properties": {
              "ronde": {
                "type": "integer",
                "minimum": 1
              },
              "koepels": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Koepel"
                }
              },
              "termijn": {
                "type": "string",
                "format": "date",
                "description": "JJJJ-MM-DD"
              },
              "status": {
                "type": "string",
                "enum": [
                  "open",
                  "gesloten"
                ]
              },
              "geopendOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "geslotenOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "reacties": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Reactie"
                }
              }
            },
            "required": [
              "ronde",
              "koepels",
              "termijn",
              "status",
              "geopendOp",
              "reacties"
            ],
            "additionalProperties": false,
            "description": "a koepel sees the other koepels' reacties only once the round is closed"
          },
          "Toetsing": {
            "type": "object",
            "properties": {
              "taakkenmerken": {
                "$ref": "#/components/schemas/Taakkenmerken"
              },
              "toelichting": {
                "type": "string"
              },
              "advies": {
                "$ref": "#/components/schemas/Advies"
              },
              "vastgelegdOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              }
            },
            "required": [
              "taakkenmerken",
              "advies",
              "vastgelegdOp"
            ],
            "additionalProperties": false
          },
          "Udo": {
            "type": "object",
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "aangevraagd",
                  "afgerond"
                ]
              },
              "toelichting": {
                "type": "string"
              },
              "termijn": {
                "type": "string",
                "format": "date",
                "description": "JJJJ-MM-DD"
              },
              "aangevraagdOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "uitkomst": {
                "$ref": "#/components/schemas/UdoUitkomst"
              },
              "samenvatting": {
                "type": "string"
              },
              "vindplaats": {
                "type": "string"
              },
              "afgerondOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              }
            },
            "required": [
              "status",
              "toelichting",
              "aangevraagdOp"
            ],
            "additionalProperties": false
          },
          "FinancieleGevolgen": {
            "type": "object",
            "properties": {
              "structureleKosten": {
                "type": "integer"
              },
              "incidenteleKosten": {
                "type": "integer"
              },
              "dekking": {
                "type": "string"
              },
              "toelichting": {
                "type": "string"
              },
              "vastgelegdOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              }
            },
            "required": [
              "structureleKosten",
              "incidenteleKosten",
              "dekking",
              "toelichting",
              "vastgelegdOp"
            ],
            "additionalProperties": false
          },
          "Besluit": {
            "type": "object",
            "properties": {
              "bestuurslaag": {
                "$ref": "#/components/schemas/Bestuurslaag"
              },
              "motivering": {
                "type": "string"
              },
              "afwijkingVanAdvies": {
                "type": "boolean"
              },
              "geadviseerdeBestuurslaag": {
                "$ref": "#/components/schemas/Bestuurslaag"
              },
              "vastgelegdOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              }
            },
            "required": [
              "bestuurslaag",
              "motivering",
              "afwijkingVanAdvies",
              "geadviseerdeBestuurslaag",
              "vastgelegdOp"
            ],
            "additionalProperties": false
          },
          "Kamerstuk": {
            "type": "object",
            "properties": {
              "nummer": {
                "type": "string"
              },
              "titel": {
                "type": "string"
              },
              "datum": {
                "type": "string",
                "format": "date",
                "description": "JJJJ-MM-DD"
              },
              "gekoppeldOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              }
            },
            "required": [
              "nummer",
              "titel",
              "datum",
              "gekoppeldOp"
            ],
            "additionalProperties": false
          },
          "Intrekking": {
            "type": "object",
            "properties": {
              "reden": {
                "type": "string"
              },
              "ingetrokkenOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              }
            },
            "required": [
              "reden",
              "ingetrokkenOp"
            ],
            "additionalProperties": false
          },
          "Heropening": {
            "type": "object",
            "properties": {
              "aanleiding": {
                "$ref": "#/components/schemas/Aanleiding"
              },
              "toelichting": {
                "type": "string"
              },
              "heropendOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "vorigBesluit": {
                "$ref": "#/components/schemas/Besluit"
              }
            },
            "required": [
              "aanleiding",
              "toelichting",
              "heropendOp"
            ],
            "additionalProperties": false
          },
          "Dossier": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "kenmerk": {
                "type": "string",
                "pattern": "^TT-[0-9]{4}-[0-9]{4,}$",
                "examples": [
                  "TT-2026-0001"
                ]
              },
              "titel": {
                "type": "string"
              },
              "omschrijving": {
                "type": "string"
              },
              "vakdepartement": {
                "type": "string"
              },
              "soort": {
                "$ref": "#/components/schemas/Soort"
              },
              "nieuweTaak": {
                "type": "boolean"
              },
              "aanleiding": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Aanleiding"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "wettelijkeGrondslag": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "fase": {
                "$ref": "#/components/schemas/Fase"
              },
              "versie": {
                "type": "integer",
                "minimum": 1,
                "description": "also the ETag"
              },
              "geopendOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "bijgewerktOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "consultaties": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Consultatie"
                }
              },
              "toetsing": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Toetsing"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "udo": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Udo"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "financieleGevolgen": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/FinancieleGevolgen"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "besluit": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Besluit"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "kamerstukken": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Kamerstuk"
                }
              },
              "intrekking": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Intrekking"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "heropeningen": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Heropening"
                }
              }
            },
            "required": [
              "id",
              "kenmerk",
              "titel",
              "omschrijving",
              "vakdepartement",
              "soort",
              "nieuweTaak",
              "aanleiding",
              "wettelijkeGrondslag",
              "fase",
              "versie",
              "geopendOp",
              "bijgewerktOp",
              "consultaties",
              "toetsing",
              "udo",
              "financieleGevolgen",
              "besluit",
              "kamerstukken",
              "intrekking",
              "heropeningen"
            ],
            "additionalProperties": false,
            "description": "a dossier; every top-level member is present (null when absent), nested optional members are omitted"
          },
          "DossierLijst": {
            "type": "object",
            "properties": {
              "resultaten": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Dossier"
                }
              }
            },
            "required": [
              "resultaten"
            ],
            "additionalProperties": false
          },
          "TijdlijnRegel": {
            "type": "object",
            "properties": {
              "versie": {
                "type": "integer"
              },
              "type": {
                "type": "string"
              },
              "geregistreerdOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "omschrijving": {
                "type": "string",
                "description": "a Dutch sentence"
              },
              "door": {
                "type": "string"
              }
            },
            "required": [
              "versie",
              "type",
              "geregistreerdOp",
              "omschrijving",
              "door"
            ],
            "additionalProperties": false
          },
          "Tijdlijn": {
            "type": "object",
            "properties": {
              "tijdlijn": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TijdlijnRegel"
                }
              }
            },
            "required": [
              "tijdlijn"
            ],
            "additionalProperties": false
          },
          "Gebeurtenis": {
            "type": "object",
            "properties": {
              "positie": {
                "type": "integer",
                "description": "global position"
              },
              "streamId": {
                "type": "string"
              },
              "versie": {
                "type": "integer"
              },
              "gebeurtenisId": {
                "type": "string",
                "format": "uuid"
              },
              "type": {
                "type": "string"
              },
              "schemaVersie": {
                "type": "integer"
              },
              "data": {
                "type": "object"
              },
              "metadata": {
                "type": "object",
                "description": "tokenId, naam, rol, koepel, correlationId (the X-Request-ID), commandId"
              },
              "geregistreerdOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "vorigeHash": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$"
              },
              "hash": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$"
              }
            },
            "required": [
              "positie",
              "streamId",
              "versie",
              "gebeurtenisId",
              "type",
              "schemaVersie",
              "data",
              "metadata",
              "geregistreerdOp",
              "vorigeHash",
              "hash"
            ],
            "additionalProperties": false
          },
          "Gebeurtenissen": {
            "type": "object",
            "properties": {
              "gebeurtenissen": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Gebeurtenis"
                }
              }
            },
            "required": [
              "gebeurtenissen"
            ],
            "additionalProperties": false
          },
          "Feed": {
            "type": "object",
            "properties": {
              "gebeurtenissen": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Gebeurtenis"
                }
              },
              "volgende": {
                "type": "string",
                "description": "opaque cursor for ?na= of the next call; absent only when the feed is empty"
              }
            },
            "required": [
              "gebeurtenissen"
            ],
            "additionalProperties": false
          },
          "StandVanZaken": {
            "type": "object",
            "properties": {
              "peildatum": {
                "type": "string"
              },
              "rijen": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "kenmerk": {
                      "type": "string"
                    },
                    "titel": {
                      "type": "string"
                    },
                    "vakdepartement": {
                      "type": "string"
                    },
                    "fase": {
                      "$ref": "#/components/schemas/Fase"
                    },
                    "laatsteMijlpaal": {
                      "type": "string",
                      "format": "date-time",
                      "description": "ISO 8601, UTC"
                    },
                    "reacties": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "koepel": {
                            "$ref": "#/components/schemas/Koepel"
                          },
                          "stand": {
                            "type": "string",
                            "enum": [
                              "ontvangen",
                              "teLaat",
                              "ontbreekt",
                              "nietUitgenodigd"
                            ]
                          }
                        },
                        "required": [
                          "koepel",
                          "stand"
                        ],
                        "additionalProperties": false
                      }
                    },
                    "udo": {
                      "type": "string",
                      "enum": [
                        "nietAangevraagd",
                        "aangevraagd",
                        "uitvoerbaar",
                        "uitvoerbaarMetVoorwaarden",
                        "nietUitvoerbaar"
                      ]
                    },
                    "geadviseerdeBestuurslaag": {
                      "$ref": "#/components/schemas/Bestuurslaag"
                    },
                    "gekozenBestuurslaag": {
                      "$ref": "#/components/schemas/Bestuurslaag"
                    },
                    "afwijkingVanAdvies": {
                      "type": "boolean"
                    },
                    "kamerstukken": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  },
                  "required": [
                    "kenmerk",
                    "titel",
                    "vakdepartement",
                    "fase",
                    "laatsteMijlpaal",
                    "reacties",
                    "udo",
                    "afwijkingVanAdvies",
                    "kamerstukken"
                  ],
                  "additionalProperties": false
                }
              }
            },
            "required": [
              "peildatum",
              "rijen"
            ],
            "additionalProperties": false
          },
          "Gezondheid": {
            "type": "object",
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "ok"
                ]
              }
            },
            "required": [
              "status"
            ],
            "additionalProperties": false
          },
          "NieuwDossier": {
            "type": "object",
            "properties": {
              "titel": {
                "type": "string",
                "minLength": 1
              },
              "omschrijving": {
                "type": "string",
                "minLength": 1
              },
              "vakdepartement": {
                "type": "string",
                "minLength": 1
              },
              "soort": {
                "$ref": "#/components/schemas/Soort"
              },
              "nieuweTaak": {
                "type": "boolean"
              },
              "aanleiding": {
                "$ref": "#/components/schemas/Aanleiding",
                "description": "required when nieuweTaak is false"
              },
              "wettelijkeGrondslag": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "titel",
              "omschrijving",
              "vakdepartement",
              "soort",
              "nieuweTaak"
            ],
            "additionalProperties": false
          },
          "NieuweConsultatie": {
            "type": "object",
            "properties": {
              "koepels": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Koepel"
                },
                "minItems": 1,
                "uniqueItems": true
              },
              "termijn": {
                "type": "string",
                "format": "date",
                "description": "JJJJ-MM-DD"
              }
            },
            "required": [
              "koepels",
              "termijn"
            ],
            "additionalProperties": false
          },
          "NieuweReactie": {
            "type": "object",
            "properties": {
              "koepel": {
                "$ref": "#/components/schemas/Koepel",
                "description": "required when a coordinator registers namens a koepel"
              },
              "standpunt": {
                "$ref": "#/components/schemas/Standpunt"
              },
              "toelichting": {
                "type": "string",
                "minLength": 1
              },
              "kenmerk": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "standpunt",
              "toelichting"
            ],
            "additionalProperties": false
          },
          "Sluiting": {
            "type": "object",
            "properties": {},
            "required": [],
            "additionalProperties": false,
            "description": "an empty object (or an empty body)"
          },
          "NieuweToetsing": {
            "type": "object",
            "properties": {
              "taakkenmerken": {
                "$ref": "#/components/schemas/Taakkenmerken"
              },
              "toelichting": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "taakkenmerken"
            ],
            "additionalProperties": false
          },
          "AdviesVerzoek": {
            "type": "object",
            "properties": {
              "taakkenmerken": {
                "$ref": "#/components/schemas/Taakkenmerken"
              }
            },
            "required": [
              "taakkenmerken"
            ],
            "additionalProperties": false
          },
          "NieuweFinancieleGevolgen": {
            "type": "object",
            "properties": {
              "structureleKosten": {
                "type": "integer",
                "minimum": 0,
                "description": "euros"
              },
              "incidenteleKosten": {
                "type": "integer",
                "minimum": 0,
                "description": "euros"
              },
              "dekking": {
                "type": "string",
                "minLength": 1
              },
              "toelichting": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "structureleKosten",
              "incidenteleKosten",
              "dekking",
              "toelichting"
            ],
            "additionalProperties": false
          },
          "UdoAanvraag": {
            "type": "object",
            "properties": {
              "toelichting": {
                "type": "string",
                "minLength": 1
              },
              "termijn": {
                "type": "string",
                "format": "date",
                "description": "JJJJ-MM-DD"
              }
            },
            "required": [
              "toelichting"
            ],
            "additionalProperties": false
          },
          "NieuweUdoUitkomst": {
            "type": "object",
            "properties": {
              "uitkomst": {
                "$ref": "#/components/schemas/UdoUitkomst"
              },
              "samenvatting": {
                "type": "string",
                "minLength": 1
              },
              "vindplaats": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "uitkomst",
              "samenvatting"
            ],
            "additionalProperties": false
          },
          "NieuwBesluit": {
            "type": "object",
            "properties": {
              "bestuurslaag": {
                "$ref": "#/components/schemas/Bestuurslaag"
              },
              "motivering": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "bestuurslaag",
              "motivering"
            ],
            "additionalProperties": false
          },
          "NieuwKamerstuk": {
            "type": "object",
            "properties": {
              "nummer": {
                "type": "string",
                "minLength": 1,
                "examples": [
                  "33047-43"
                ]
              },
              "titel": {
                "type": "string",
                "minLength": 1
              },
              "datum": {
                "type": "string",
                "format": "date",
                "description": "JJJJ-MM-DD"
              }
            },
            "required": [
              "nummer",
              "titel",
              "datum"
            ],
            "additionalProperties": false
          },
          "NieuweIntrekking": {
            "type": "object",
            "properties": {
              "reden": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "reden"
            ],
            "additionalProperties": false
          },
          "NieuweHeropening": {
            "type": "object",
            "properties": {
              "aanleiding": {
                "$ref": "#/components/schemas/Aanleiding"
              },
              "toelichting": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "aanleiding",
              "toelichting"
            ],
            "additionalProperties": false
          },
          "DossierNaCommando": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "kenmerk": {
                "type": "string",
                "pattern": "^TT-[0-9]{4}-[0-9]{4,}$",
                "examples": [
                  "TT-2026-0001"
                ]
              },
              "titel": {
                "type": "string"
              },
              "omschrijving": {
                "type": "string"
              },
              "vakdepartement": {
                "type": "string"
              },
              "soort": {
                "$ref": "#/components/schemas/Soort"
              },
              "nieuweTaak": {
                "type": "boolean"
              },
              "aanleiding": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Aanleiding"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "wettelijkeGrondslag": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "fase": {
                "$ref": "#/components/schemas/Fase"
              },
              "versie": {
                "type": "integer",
                "minimum": 1,
                "description": "also the ETag"
              },
              "geopendOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "bijgewerktOp": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601, UTC"
              },
              "consultaties": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Consultatie"
                }
              },
              "toetsing": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Toetsing"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "udo": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Udo"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "financieleGevolgen": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/FinancieleGevolgen"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "besluit": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Besluit"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "kamerstukken": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Kamerstuk"
                }
              },
              "intrekking": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Intrekking"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "heropeningen": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Heropening"
                }
              },
              "ronde": {
                "type": "integer",
                "minimum": 1,
                "description": "after POST …/consultaties: the new round"
              },
              "advies": {
                "$ref": "#/components/schemas/Advies",
                "description": "after POST …/toetsingen: the advice"
              }
            },
            "required": [
              "id",
              "kenmerk",
              "titel",
              "omschrijving",
              "vakdepartement",
              "soort",
              "nieuweTaak",
              "aanleiding",
              "wettelijkeGrondslag",
              "fase",
              "versie",
              "geopendOp",
              "bijgewerktOp",
              "consultaties",
              "toetsing",
              "udo",
              "financieleGevolgen",
              "besluit",
              "kamerstukken",
              "intrekking",
              "heropeningen"
            ],
            "additionalProperties": false,
            "description": "the dossier after a command, as the token may see it"
          }
        },
        "responses": {
          "BadRequest": {
            "description": "invalid input: every problem in invalidParams",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "Unauthorized": {
            "description": "no, malformed, unknown or revoked bearer token",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "WWW-Authenticate": {
                "$ref": "#/components/headers/WWW-Authenticate"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "Forbidden": {
            "description": "the token's role may not do this",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "NotFound": {
            "description": "unknown, or not visible to this token",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "MethodNotAllowed": {
            "description": "the path does not support this method",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Allow": {
                "$ref": "#/components/headers/Allow"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "NotAcceptable": {
            "description": "none of the accepted media types is offered",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "Conflict": {
            "description": "the fase does not allow this command (the detail says why, in Dutch), or the same Idempotency-Key is still being processed",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "PreconditionFailed": {
            "description": "If-Match names a version that is no longer current; nothing was changed",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "ContentTooLarge": {
            "description": "the body is larger than 1 MiB",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "UnsupportedMediaType": {
            "description": "the body is not application/json",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "UnprocessableContent": {
            "description": "the Idempotency-Key was used before with another request",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "InternalServerError": {
            "description": "an unexpected failure; no internal detail is given",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "ServiceUnavailable": {
            "description": "the database is unavailable or the dossier too contended; retry later",
            "headers": {
              "API-Version": {
                "$ref": "#/components/headers/API-Version"
              },
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          }
        },
        "parameters": {
          "DossierId": {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          },
          "Ronde": {
            "name": "ronde",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          },
          "Peildatum": {
            "name": "peildatum",
            "in": "query",
            "required": false,
            "description": "a date (the end of that day, Europe/Amsterdam) or an exact date-time with zone: the answer as recorded by then",
            "schema": {
              "type": "string"
            },
            "examples": {
              "datum": {
                "value": "2026-03-01"
              },
              "moment": {
                "value": "2026-03-01T12:00:00Z"
              }
            }
          },
          "IfMatch": {
            "name": "If-Match",
            "in": "header",
            "required": false,
            "description": "the version the client saw, quoted (\"3\"); a stale or weak (W/) one gives 412 and changes nothing; * or absent: the current version, conflicts retried by the server",
            "schema": {
              "type": "string",
              "examples": [
                "\"3\""
              ]
            }
          },
          "IdempotencyKey": {
            "name": "Idempotency-Key",
            "in": "header",
            "required": false,
            "description": "1–255 visible ASCII characters; a retry with the same key and request returns the first response and writes nothing",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          "XRequestID": {
            "name": "X-Request-ID",
            "in": "header",
            "required": false,
            "description": "kept when 1–128 characters of letters, digits and -_.:",
            "schema": {
              "type": "string",
              "maxLength": 128
            }
          }
        },
        "headers": {
          "API-Version": {
            "description": "the contract version",
            "schema": {
              "type": "string",
              "const": "1.0.0"
            }
          },
          "X-Request-ID": {
            "description": "the request id (a sane incoming one is kept, else a UUID); stored as the events' correlation id",
            "schema": {
              "type": "string"
            }
          },
          "ETag": {
            "description": "the dossier version, quoted: \"<versie>\"",
            "schema": {
              "type": "string"
            }
          },
          "Location": {
            "description": "the dossier: /v1/dossiers/{id}",
            "schema": {
              "type": "string"
            }
          },
          "Link": {
            "description": "RFC 8288 links rel=first, prev, next, last",
            "schema": {
              "type": "string"
            }
          },
          "X-Total-Count": {
            "description": "dossiers matching the filters over all pages",
            "schema": {
              "type": "integer"
            }
          },
          "Allow": {
            "description": "the methods this path supports",
            "schema": {
              "type": "string"
            }
          },
          "WWW-Authenticate": {
            "description": "Bearer",
            "schema": {
              "type": "string"
            }
          },
          "Idempotent-Replayed": {
            "description": "true when this is the kept response of an earlier request with the same Idempotency-Key",
            "schema": {
              "type": "string",
              "const": "true"
            }
          }
        }
      }
    }
    """#
}
