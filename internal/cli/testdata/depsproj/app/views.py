import demo
import yaml


def view(request):
    return yaml.safe_load(demo.render(request))
