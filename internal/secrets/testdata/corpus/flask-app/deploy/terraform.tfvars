region      = "eu-central-1"
db_password = "{A:18}" ⟪KR380⟫
api_token   = "{A:32}" ⟪KR380⟫
db_username = "flask" ⟪decoy⟫
