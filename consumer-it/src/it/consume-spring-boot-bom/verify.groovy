// The program ran with the Jackson and SLF4J versions Spring Boot 3.5 manages, and the Enforcer rules passed.
def log = new File(basedir, 'build.log').text
assert log.contains('CONSUMER OK') : 'the consumer program did not finish; see build.log'
assert log.contains('user-build-rules') : 'the Enforcer rules did not run'
return true
