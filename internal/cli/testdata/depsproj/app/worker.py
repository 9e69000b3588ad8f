from demo.tasks import run

run()
