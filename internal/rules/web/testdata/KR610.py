"""Legacy CGI entry points."""
import wsgiref.handlers
from twisted.web import twcgi
from twisted.web.twcgi import CGIDirectory, FilteredScript  # want `twisted.web.twcgi.CGIDirectory runs the app as CGI`
from wsgiref.handlers import CGIHandler as Handler  # want `wsgiref.handlers.CGIHandler runs the app as CGI, where a Proxy header sets HTTP_PROXY`
from wsgiref.handlers import SimpleHandler

from myapp import app

Handler().run(app)
wsgiref.handlers.CGIHandler().run(app)  # want `wsgiref.handlers.CGIHandler runs the app as CGI`
resource = twcgi.CGIScript("/srv/cgi-bin/app.cgi")  # want `twisted.web.twcgi.CGIScript`

# Safe: other handlers and unrelated attributes of the same name.
SimpleHandler(stdin, stdout, stderr, environ).run(app)
server.CGIHandler = None
