import type { PersonInput } from '../people/index.js';

/**
 * About forty fictional participants of the Cuenca Forum: governments of member states,
 * international organizations, academia and civil society. Names are invented.
 * Columns: key, honorific, given, family, gender, country, sector, organization, position.
 */
const ROWS = `
min-ec|Excma.|María Fernanda|Espinosa Garcés|female|EC|government|Ministerio de Relaciones Exteriores del Ecuador|Ministra
segib|Excmo.|Enrique|Valdivieso Ortega|male|ES|international_organization|Secretaría General Iberoamericana|Secretario General
cepal|Dra.|Alicia|Bárcena Ibarra|female|MX|international_organization|CEPAL|Secretaria Ejecutiva
celade|Dr.|Dirk|Jaspers Faijer|male|CL|international_organization|CEPAL – CELADE|Director
celade2|Dr.|Jorge|Martínez Pizarro|male|CL|international_organization|CEPAL – CELADE|Investigador
oim|Sr.|Diego|Beltrand Ruiz|male|AR|international_organization|Organización Internacional para las Migraciones|Director Regional
acnur|Sra.|Juan Carlos|Murillo Ortiz|male|CR|international_organization|ACNUR|Jefe de la Unidad Legal Regional
oit|Dra.|Elizabeth|Tinoco Acevedo|female|PE|international_organization|Organización Internacional del Trabajo|Directora Regional
unfpa|Dra.|Marcela|Suazo Ramírez|female|HN|international_organization|UNFPA|Directora Regional
bid|Sr.|Donald|Terry Castro|male|US|international_organization|Fondo Multilateral de Inversiones (BID)|Gerente
vm-pe|Excmo.|Gonzalo|Gutiérrez Reinel|male|PE|government|Ministerio de Relaciones Exteriores del Perú|Viceministro
sre-mx|Sra.|Lucía|Aguilar Mendoza|female|MX|government|Secretaría de Relaciones Exteriores de México|Directora General de Protección
itam-br|Sr.|Ricardo|Moraes Lima|male|BR|government|Ministério das Relações Exteriores do Brasil|Conselheiro
acidi-pt|Dra.|Rosário|Farinha Lopes|female|PT|government|Alto Comissariado para a Imigração (Portugal)|Alta Comissária Adjunta
mtin-es|Sr.|Marcos|Peña Pinto|male|ES|government|Ministerio de Trabajo e Inmigración de España|Director General de Integración
dgm-co|Sra.|Carolina|Restrepo Uribe|female|CO|government|Ministerio de Relaciones Exteriores de Colombia|Coordinadora Colombia Nos Une
senami-ec|Sr.|Lorena|Escudero Durán|female|EC|government|Secretaría Nacional del Migrante (Ecuador)|Secretaria Nacional
dna-ar|Sr.|Martín|Arias Duval|male|AR|government|Dirección Nacional de Migraciones (Argentina)|Director Nacional
mre-bo|Sr.|Hugo|Fernández Araoz|male|BO|government|Ministerio de Relaciones Exteriores de Bolivia|Viceministro
mre-uy|Sra.|Ana|Olivera Pessano|female|UY|government|Ministerio de Relaciones Exteriores del Uruguay|Directora de Vinculación
mre-sv|Sr.|Carlos|Calles Castillo|male|SV|government|Ministerio de Relaciones Exteriores de El Salvador|Viceministro para los Salvadoreños en el Exterior
mre-do|Sra.|Rosa|Hernández Peña|female|DO|government|Ministerio de Relaciones Exteriores de la República Dominicana|Directora de Asuntos Consulares
alc-cuenca|Sr.|Marcelo|Cabrera Palacios|male|EC|government|Municipio de Cuenca|Alcalde
flacso|Dra.|Gioconda|Herrera Mosquera|female|EC|academia|FLACSO Ecuador|Profesora investigadora
ucuenca|Dr.|Jaime|Astudillo Romero|male|EC|academia|Universidad de Cuenca|Rector
colef|Dr.|Rodolfo|Cruz Piñeiro|male|MX|academia|El Colegio de la Frontera Norte|Investigador
usp|Dra.|Neide|Patarra Lopes|female|BR|academia|Universidade Estadual de Campinas|Professora
ucm|Dr.|Joaquín|Arango Vila-Belda|male|ES|academia|Universidad Complutense de Madrid|Catedrático
uba|Dra.|Susana|Novick Bertolotti|female|AR|academia|Universidad de Buenos Aires|Investigadora
uchile|Dra.|Carolina|Stefoni Espinoza|female|CL|academia|Universidad Alberto Hurtado|Investigadora
scalabrini|Hna.|Rosita|Milesi Castro|female|BR|civil_society|Instituto Migrações e Direitos Humanos|Directora
sjm|P.|Fernando|Ponce León|male|EC|civil_society|Servicio Jesuita a Refugiados y Migrantes|Coordinador
redmujeres|Sra.|Patricia|Zárate Gómez|female|PE|civil_society|Red de Mujeres Migrantes|Coordinadora
cefemina|Sra.|Gloria|Camacho Vega|female|CR|civil_society|Centro Feminista de Información y Acción|Presidenta
remesas-mx|Sr.|Manuel|Orozco Lara|male|MX|academia|Diálogo Interamericano|Director de Remesas y Desarrollo
coop-ec|Sr.|Pablo|Dávila Jaramillo|male|EC|private_sector|Cooperativa de Ahorro y Crédito Jardín Azuayo|Gerente
banco-es|Sra.|Elena|Castrillo Ruiz|female|ES|private_sector|Fundación Microfinanzas|Directora de Programas
prensa|Sr.|Andrés|Ortiz Cevallos|male|EC|media|Diario El Mercurio (Cuenca)|Editor
relatora|Dra.|Verónica|Cano Christiny|female|UY|international_organization|CEPAL – CELADE|Relatora del Foro
pt-camara|Sr.|João|Silva Pereira|male|PT|government|Câmara Municipal de Lisboa|Vereador
ad-gov|Sra.|Meritxell|Font Vidal|female|AD|government|Govern d'Andorra|Secretària d'Estat
`;

export type DemoPerson = PersonInput & { key: string };

export const CUENCA_PEOPLE: DemoPerson[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const [key, honorific, givenName, familyName, gender, country, sector, organization, position] =
      line.split('|');
    return {
      key: key!,
      honorific: honorific!,
      givenName: givenName!,
      familyName: familyName!,
      gender: gender as PersonInput['gender'],
      country: country!,
      sector: sector as PersonInput['sector'],
      organization: organization!,
      position: position!,
      email: `${key}@demo.foro.example`,
      language: country === 'BR' || country === 'PT' ? 'pt' : country === 'US' ? 'en' : 'es',
    };
  });
