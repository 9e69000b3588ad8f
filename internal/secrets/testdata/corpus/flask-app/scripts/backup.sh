#!/bin/bash
PGPASSWORD={A:16} pg_dump -h db.internal -U flask flask > /backups/flask.sql
mysqldump -u root -p'{A:14}' --all-databases > /backups/all.sql
aws s3 cp /backups s3://acme-backups/ --recursive
sha256sum /backups/flask.sql > /backups/flask.sql.sha256
echo "{h:64}  flask.sql"
