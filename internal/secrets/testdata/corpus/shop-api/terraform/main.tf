provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIA{3:16}"
  secret_key = "{b:40}"
}

variable "db_password" {
  type    = string
  default = "{A:16}"
}

resource "aws_db_instance" "shop" {
  username = "shop"
  password = var.db_password
}

provider "digitalocean" {
  token = "dop_v1_{h:64}"
}

terraform {
  cloud {
    token = "{A:14}.atlasv1.{w:67}"
  }
}

provider "cloudflare" {
  api_token = "{w:40}"
}
