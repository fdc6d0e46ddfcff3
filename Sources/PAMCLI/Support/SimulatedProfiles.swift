import PAMConfig
import PAMCore
import PAMModules
import PAMSimulator

/// Profiles that connect to a running simulator, one per vendor, named after the vendor.
enum SimulatedProfiles {
    static func entries(_ simulator: Simulator) -> [ConfigWriter.Entry] {
        simulator.endpoints.map { endpoint in
            var fields = (try? VendorRegistry.standard.module(endpoint.vendor).simulatedProfileFields(endpoint)) ?? []
            if let tls = simulator.tlsMaterial {
                fields.append(("ca_file", tls.caCertificatePath))
                if let certificate = tls.clientCertificatePath, let key = tls.clientKeyPath {
                    fields.append(("client_cert", certificate))
                    fields.append(("client_key", key))
                }
            }
            return ConfigWriter.Entry(name: endpoint.vendor.rawValue, vendor: endpoint.vendor, url: endpoint.url, fields: fields)
        }
    }

    /// Writes the config for a simulator (mode 0600).
    static func write(_ simulator: Simulator, to path: String) throws {
        let header = """
        Written by 'pamtui simulate'. These credentials are the simulator's own, made up for this
        run (seeded), and are valid nowhere else.
        """
        try ConfigWriter.write(ConfigWriter.render(entries(simulator), header: header), to: path)
    }
}
