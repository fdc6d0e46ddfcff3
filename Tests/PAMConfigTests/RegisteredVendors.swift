import PAMConfig
import PAMModules

/// The shipped vendors' schemas, as the program loads configs with them.
let registered = VendorRegistry.standard.schemas
