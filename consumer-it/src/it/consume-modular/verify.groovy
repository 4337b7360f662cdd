// The program ran on the module path (named modules for the application and the SDK) and used the SDK fully.
def log = new File(basedir, 'build.log').text
assert log.contains('MODULAR token: modular') : 'the list did not decode; see build.log'
assert log.contains('MODULAR typed 404: Not found.') : 'the error body did not decode; see build.log'
assert log.contains('MODULAR OK on module io.github.hubsdk.client') : 'not run on the module path; see build.log'
return true
