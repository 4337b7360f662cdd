// The program ran on the module path (named modules for the application and the SDK) and used the SDK fully.
def log = new File(basedir, 'build.log').text
assert log.contains('MODULAR token: modular') : 'the list did not decode; see build.log'
assert log.contains('MODULAR typed 404: Not found.') : 'the error body did not decode; see build.log'
assert log.contains('MODULAR OK on module io.github.hubsdk.client') : 'not run on the module path; see build.log'

// What the SDK costs a user: no OkHttp, okio, Kotlin or feign-form, and at most 3.0 MiB of runtime jars.
def jars = new File(basedir, 'target/runtime-classpath.txt').text.trim().split(File.pathSeparator).collect { new File(it) }
def banned = jars.findAll { it.name =~ /(okhttp|okio|kotlin|feign-form|^annotations-\d)/ }
assert banned.isEmpty() : "unexpected runtime dependencies: ${banned*.name}"
def total = jars.sum { it.length() }
jars.sort { -it.length() }.each { println String.format('  [runtime] %8d  %s', it.length(), it.name) }
println String.format('  [runtime] %d jars, %.2f MiB', jars.size(), total / 1048576.0)
assert total <= 3.0 * 1048576 : String.format('the runtime jars total %.2f MiB, more than 3.0 MiB', total / 1048576.0)
return true
