region      = "eu-central-1"
db_password = "{A:18}"
api_token   = "{A:32}"
db_username = "flask"
