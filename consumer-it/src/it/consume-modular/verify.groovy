// The program ran on the module path (named modules for the application and the SDK) and used the SDK fully.
def log = new File(basedir, 'build.log').text
assert log.contains('MODULAR token: modular') : 'the list did not decode; see build.log'
assert log.contains('MODULAR typed 404: Not found.') : 'the error body did not decode; see build.log'
assert log.contains('MODULAR OK on module io.github.hubsdk.client') : 'not run on the module path; see build.log'

// What the SDK costs a user: exactly Jackson (core, databind, annotations), Feign's core and SLF4J's API
// besides our own three jars (no OkHttp, okio, Kotlin or feign-form), and a bound on each part: our own jars
// grow with the API (69 operations: 0.45 MiB, 2.97 MiB in all), the others must not grow at all by accident;
// issue 10 bounds the whole at 3.0 MiB.
def jars = new File(basedir, 'target/runtime-classpath.txt').text.trim().split(File.pathSeparator).collect { new File(it) }
def banned = jars.findAll { it.name =~ /(okhttp|okio|kotlin|feign-form|^annotations-\d)/ }
assert banned.isEmpty() : "unexpected runtime dependencies: ${banned*.name}"
def ours = jars.findAll { it.name.startsWith('hubsdk-') }
def theirs = jars - ours
def expected = ['jackson-core', 'jackson-databind', 'jackson-annotations', 'feign-core', 'slf4j-api'] as Set
assert theirs.collect { (it.name =~ /^(.+?)-\d/)[0][1] } as Set == expected : "third-party runtime jars: ${theirs*.name}"
assert ours*.name.collect { (it =~ /^(hubsdk-[a-z-]+?)-\d/)[0][1] } as Set ==
    ['hubsdk-sdk-extensions', 'hubsdk-model', 'hubsdk-sdk-generated'] as Set : "hubsdk runtime jars: ${ours*.name}"
def oursTotal = ours.sum { it.length() }
assert oursTotal <= 1.0 * 1048576 : String.format('the hubsdk jars total %.2f MiB, more than 1.0 MiB', oursTotal / 1048576.0)
def total = jars.sum { it.length() }
jars.sort { -it.length() }.each { println String.format('  [runtime] %8d  %s', it.length(), it.name) }
println String.format('  [runtime] %d jars, %.2f MiB', jars.size(), total / 1048576.0)
assert total <= 3.0 * 1048576 : String.format('the runtime jars total %.3f MiB, more than 3.0 MiB', total / 1048576.0)
return true
