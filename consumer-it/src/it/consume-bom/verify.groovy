// Runs after the consumer build succeeded (its program started the emulator and listed access tokens through
// DockerHubClient). Checks the program's output, that every hubsdk artifact it used came from the staging
// repository, and that what was published is complete (pom metadata, sources, javadoc, module name).
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
assert log.contains('CONSUMER OK') : 'the consumer program did not finish; see build.log'
assert log =~ /CONSUMER listed tokens: [1-9]/ : 'the program listed no access token'
log.readLines().findAll { it.startsWith('CONSUMER ') }.each { println "  [consumer] $it" }

// 1. hubsdk artifacts in the isolated local repository were all downloaded from hubsdk-staging.
def itRepo = new File(localRepositoryPath, 'io/github/hubsdk')
assert itRepo.isDirectory() : "no hubsdk artifact was resolved into $itRepo"
def markers = []
itRepo.eachFileRecurse { f -> if (f.name == '_remote.repositories') markers << f }
assert !markers.isEmpty()
markers.each { f ->
    f.readLines().findAll { it && !it.startsWith('#') }.each { line ->
        assert line.endsWith('>hubsdk-staging=') : "$f: resolved from elsewhere than the staging repository: $line"
    }
}

// 2. The staged (deployed) artifacts are complete.
def staging = new File(stagingDir, 'io/github/hubsdk')
def modules = [
    'hubsdk-spec'          : 'io.github.hubsdk.spec',
    'hubsdk-model'         : 'io.github.hubsdk.model',
    'hubsdk-sdk-generated' : 'io.github.hubsdk.openapi',
    'hubsdk-sdk-extensions': 'io.github.hubsdk.client',
    'hubsdk-emulator'      : 'io.github.hubsdk.emulator',
]
// The file of the latest deployment: for a SNAPSHOT the timestamped name from maven-metadata.xml (the staging
// repository keeps earlier deployments when target/ is not cleaned), for a release the plain name.
def staged = { String artifactId, String classifier, String extension ->
    def dir = new File(staging, "$artifactId/$projectVersion")
    assert dir.isDirectory() : "$artifactId was not deployed to $dir"
    def version = projectVersion
    def metadata = new File(dir, 'maven-metadata.xml')
    if (metadata.isFile()) {
        def entry = new groovy.xml.XmlSlurper().parse(metadata).versioning.snapshotVersions.snapshotVersion.find {
            it.extension.text() == extension && it.classifier.text() == (classifier ?: '')
        }
        assert entry.size() > 0 : "$metadata lists no ${classifier ?: 'main'} .$extension"
        version = entry.value.text()
    }
    def file = new File(dir, "$artifactId-$version${classifier ? '-' + classifier : ''}.$extension")
    assert file.isFile() : "$file was not deployed"
    file
}
def checkPom = { File pomFile, boolean bom ->
    def text = pomFile.text
    assert !text.contains('${') : "$pomFile still has an unresolved expression"
    def pom = new groovy.xml.XmlSlurper().parseText(text)
    assert pom.parent.isEmpty() : "$pomFile refers to a parent, which is not published"
    ['name', 'description', 'url'].each { assert pom."$it".text() : "$pomFile has no <$it>" }
    assert pom.licenses.license.name.text() : "$pomFile has no license"
    assert pom.scm.url.text() : "$pomFile has no scm"
    assert pom.developers.developer.size() > 0 : "$pomFile has no developers"
    assert pom.version.text() == projectVersion : "$pomFile version ${pom.version.text()} != $projectVersion"
    if (bom) {
        def managed = pom.dependencyManagement.dependencies.dependency
        assert managed*.groupId*.text().every { it == 'io.github.hubsdk' } : "the BOM manages third-party artifacts"
        assert managed*.artifactId*.text().toSet() == modules.keySet()
        assert managed*.version*.text().every { it == projectVersion }
        assert pom.properties.isEmpty() || pom.properties.children().size() == 0 : "the BOM carries properties"
    }
}
modules.each { artifactId, moduleName ->
    checkPom(staged(artifactId, null, 'pom'), false)
    def main = staged(artifactId, null, 'jar')
    def (name, classes) = new JarFile(main).withCloseable { jar ->
        [jar.manifest.mainAttributes.getValue('Automatic-Module-Name'), jar.entries().toList().count { it.name.endsWith('.class') }]
    }
    assert name == moduleName : "$main: Automatic-Module-Name is $name, expected $moduleName"
    // A jar with a module-info must declare the same name (the module path uses it, not the manifest).
    def described = java.lang.module.ModuleFinder.of(main.toPath()).findAll()*.descriptor()*.name()
    assert described == [moduleName] : "$main: the module path sees ${described}, expected $moduleName"
    assert classes > 0 : "$main has no classes"
    staged(artifactId, 'sources', 'jar')
    staged(artifactId, 'javadoc', 'jar')
    println "  [staged] $artifactId: pom, jar ($name, $classes classes), sources, javadoc"
}
checkPom(staged('hubsdk-bom', null, 'pom'), true)
println '  [staged] hubsdk-bom: pom'
['hubsdk-parent', 'hubsdk-examples', 'hubsdk-contract-tests', 'hubsdk-benchmarks', 'hubsdk-consumer-it'].each {
    assert !new File(staging, it).exists() : "$it must not be published"
}
return true
